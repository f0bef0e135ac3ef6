// How a node is named is the simulation's (the report and the app name nodes alike).
export { faultTargetName, nodeLabel, nodeName } from '../../../simulation/results/node-label';
