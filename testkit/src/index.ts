export { eventually } from './eventually.js';
export {
  busContract,
  CONTRACT_DURABLE,
  CONTRACT_LOG_STREAM,
  CONTRACT_STREAM,
  type BusFactory,
} from './bus-contract.js';
