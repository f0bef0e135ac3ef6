// The precision rule is the simulation's, so the app, the CLI and the report print figures alike.
export { formatShare, halfWidthText } from '../../../simulation/units/precision';
