import type { Snapshot, VehicleView } from '../../shared/snapshot';
import type { VolvoBridge } from '../bridge';
import { notClosedInWords, partReadings } from '../format/parts';
import { useScrollableFocus } from '../hooks/useScrollableFocus';
import { AlertsList } from './AlertsList';
import { CarDiagram } from './CarDiagram';
import { CommandBar } from './CommandBar';
import { Notices } from './Notices';
import { PartsList } from './PartsList';
import { StateBanner } from './StateBanner';

interface HomeViewProps {
  snapshot: Snapshot;
  vehicle: VehicleView | null;
  bridge: VolvoBridge;
}

/** The glance: state, diagram, alerts, and the lock buttons. */
export function HomeView({ snapshot, vehicle, bridge }: HomeViewProps) {
  const scrollRef = useScrollableFocus<HTMLElement>();
  if (!vehicle) {
    return (
      <main className="content" ref={scrollRef} aria-label="Car status">
        <Notices snapshot={snapshot} />
        <p className="message-page" aria-live="polite">
          {snapshot.signIn.state === 'signed-in'
            ? 'Looking for the cars on your Volvo ID…'
            : 'No car to show.'}
        </p>
      </main>
    );
  }
  const parts = partReadings(vehicle);
  // The stale reason is said once, in the state banner.
  const staleReason = vehicle.freshness.state === 'stale' ? vehicle.freshness.reason : null;
  return (
    <>
      <main className="content" ref={scrollRef} aria-label="Car status">
        <Notices
          snapshot={snapshot}
          shownElsewhere={[staleReason]}
          offlineShown={vehicle.freshness.state === 'offline'}
        />
        <StateBanner vehicle={vehicle} />
        <AlertsList alerts={vehicle.alerts} shownElsewhere={[staleReason]} />
        {vehicle.reachability === null ? null : (
          <p className="reachability" data-testid="reachability">
            {vehicle.reachability}
          </p>
        )}
        {vehicle.warnings.length === 0 ? null : (
          <section className="car-warnings" aria-labelledby="car-warnings-title">
            <h2 className="car-warnings-title" id="car-warnings-title">
              The car reports
            </h2>
            <ul data-testid="car-warnings">
              {vehicle.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          </section>
        )}
        <div className="car-overview">
          <CarDiagram parts={parts} notClosed={notClosedInWords(vehicle)} />
          <PartsList parts={parts} />
        </div>
      </main>
      <CommandBar
        key={vehicle.vin}
        vehicle={vehicle}
        shortcut={snapshot.shortcut}
        commandsRefused={snapshot.signIn.commandsRefused}
        bridge={bridge}
      />
    </>
  );
}
