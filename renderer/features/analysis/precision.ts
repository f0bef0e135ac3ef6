// The precision rule is the simulation's, so the app, the CLI and the report print figures alike.
// plusMinusText is the one rule for what goes beside a replicated figure: "± 120 ms", or "same in all 5 runs" (never "± 0").
export { formatShare, halfWidthText, plusMinusText } from '../../../simulation/units/precision';
