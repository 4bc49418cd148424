import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { dayTimeToIso } from "../../core/dates";
import type { LeadHealth } from "../../core/leadHealth";
import { EMPTY_FIGURE, percent } from "../format";

const useStyles = makeStyles({
  section: { display: "grid", gap: tokens.spacingVerticalS },
  number: { textAlign: "end" },
});

function count(value: number): string {
  return value.toLocaleString("en-US");
}

/** SPEC 10.2 after Plan: the log's rotting rate and the reps whose Load is over 100 %. */
export function LeadHealthView({ health }: { health: LeadHealth | null | undefined }) {
  const styles = useStyles();
  if (!health) return null;
  const total = health.byVehicle[health.byVehicle.length - 1];
  const reps = health.byRep.slice(0, -1);
  const over = reps.filter((rep) => rep.load !== null && rep.load > 1);
  const capacityKnown = reps.some((rep) => rep.load !== null);
  const hours = total.medianHoursToFirstTouch;
  const figures: [string, string][] = [
    ["As of", health.asOf === null ? EMPTY_FIGURE : dayTimeToIso(health.asOf).replace("T", " ")],
    ["Leads in process", count(total.inProcess)],
    ["Rotting", count(total.rotting)],
    ["Rotting rate", percent(total.rottingRate)],
    ["Median hours to first touch", hours === null ? EMPTY_FIGURE : hours.toFixed(1)],
  ];
  return (
    <section className={styles.section} aria-label="Lead health">
      <h3>Lead health</h3>
      <Table aria-label="Lead health figures" size="small">
        <TableBody>
          {figures.map(([name, value]) => (
            <TableRow key={name}>
              <TableCell>{name}</TableCell>
              <TableCell className={styles.number}>{value}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {!capacityKnown && <p>Give the Leads per rep setting to see which reps are over capacity.</p>}
      {capacityKnown && over.length === 0 && <p>No rep is over capacity.</p>}
      {over.length > 0 && (
        <Table aria-label="Reps over capacity" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Rep over capacity</TableHeaderCell>
              <TableHeaderCell>In process</TableHeaderCell>
              <TableHeaderCell>Load</TableHeaderCell>
              <TableHeaderCell>Rotting rate</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {over.map((rep) => (
              <TableRow key={rep.owner}>
                <TableCell>{rep.owner}</TableCell>
                <TableCell className={styles.number}>{count(rep.inProcess)}</TableCell>
                <TableCell className={styles.number}>{percent(rep.load)}</TableCell>
                <TableCell className={styles.number}>{percent(rep.rottingRate)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
