/**
 * The embedded simulator, for tests of the core. The core may not import the simulator (nor the
 * simulator the core): tests reach it through this folder, where both are allowed, so the
 * import rules hold for test files too.
 */
export type { SimFault, Simulator, SimulatorOptions } from '../main/simulator/index';
export { startSimulator } from '../main/simulator/index';
