import { loadRegistry } from '@kh02/platform';

/** `npm run registry:check -- <file.csv|file.json>`: validates an official unit list before it goes live. */
const file = process.argv[2];
try {
  const registry = await loadRegistry(file);
  console.log(
    `OK: ${registry.provinces.length} tỉnh/thành, ${registry.communes.length} đơn vị cấp xã (kể cả trung tâm), ${registry.agencies.length} cơ quan, ${registry.systems.length} hệ thống.`,
  );
  for (const w of registry.warnings) console.log(`Cảnh báo / warning: ${w.path}: ${w.message.vi} / ${w.message.en}`);
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
}
