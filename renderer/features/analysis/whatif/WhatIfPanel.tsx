import { SweepSection } from './SweepSection';
import { TornadoSection } from './TornadoSection';

/** What if traffic doubles, a price changes, or answers get longer? */
export function WhatIfPanel() {
  return (
    <div className="tool-body">
      <SweepSection />
      <TornadoSection />
    </div>
  );
}
