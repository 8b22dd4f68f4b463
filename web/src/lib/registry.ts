import { defaultRegistry, type Registry } from '@kh02/schemas/registry';

let instance: Registry | undefined;

/** The unit registry the server uses, built once in the browser (ticket permissions ask it for a unit's province). */
export function registry(): Registry {
  instance ??= defaultRegistry();
  return instance;
}
