// A client-rendered wall: live state lives in the browser and the build is static (adapter-static + index.html fallback).
export const ssr = false;
export const prerender = false;
