import { Button, Dropdown, Field, Option, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Plan, PlannedVehicle } from "../../core/model";
import { filterReasons, reasonsNotAskedOfAny, toShortlistText } from "../../core/outputSheets";
import { EMPTY_FIGURE } from "../format";
import { QUESTION_TITLES } from "../summary";
import { ResultTable, type ResultColumn } from "./ResultTable";

const useStyles = makeStyles({
  controls: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "end" },
  control: { minWidth: "10rem", flexGrow: 1 },
});

/** Rows shown at first and added by each "Show more", so a 10,000-row table stays quick to draw. */
const PAGE = 50;

const SHOW = ["All", "Shortlisted", "Reserve", "Eliminated", "Invalid input"] as const;
type Show = (typeof SHOW)[number];

const SORTS = ["Table order", "Vehicle", "Status", "To make the shortlist"] as const;
type Sort = (typeof SORTS)[number];

function shows(vehicle: PlannedVehicle, show: Show): boolean {
  if (show === "All") return true;
  if (show === "Eliminated") return vehicle.eliminatedAt !== null;
  return vehicle.status === show;
}

/** Shortlisted by rank, then Reserve, then eliminated by question, then invalid rows. */
function statusOrder(vehicle: PlannedVehicle): number {
  if (vehicle.rank !== null) return vehicle.rank;
  if (vehicle.status === "Reserve") return 1e6;
  if (vehicle.eliminatedAt !== null) return 2e6 + vehicle.eliminatedAt;
  return 3e6;
}

function compare(sort: Sort): (a: PlannedVehicle, b: PlannedVehicle) => number {
  switch (sort) {
    case "Vehicle":
      return (a, b) => a.vehicle.localeCompare(b.vehicle);
    case "Status":
      return (a, b) => statusOrder(a) - statusOrder(b);
    case "To make the shortlist":
      return (a, b) => (a.toShortlist ?? Infinity) - (b.toShortlist ?? Infinity);
    default:
      return (a, b) => a.row - b.row;
  }
}

/** The Vehicle Filter sheet in the pane: every vehicle with its status, answers, reasons and what it would take. */
export function AuditTrail({ plan }: { plan: Plan }) {
  const styles = useStyles();
  const [show, setShow] = useState<Show>("All");
  const [sort, setSort] = useState<Sort>("Table order");
  const [limit, setLimit] = useState(PAGE);

  const columns = useMemo((): ResultColumn<PlannedVehicle>[] => {
    const notAskedOfAny = reasonsNotAskedOfAny(plan.vehicles);
    return [
      { header: "Vehicle", cell: (v) => v.vehicle || EMPTY_FIGURE },
      { header: "Status", cell: (v) => v.status },
      ...QUESTION_TITLES.map((title, k): ResultColumn<PlannedVehicle> => ({
        header: title,
        cell: (v) => v.answers?.answer(k) ?? EMPTY_FIGURE,
      })),
      { header: "To make the shortlist", cell: (v) => toShortlistText(v) || EMPTY_FIGURE },
      { header: "Reasons", cell: (v) => filterReasons(v, notAskedOfAny) || EMPTY_FIGURE },
    ];
  }, [plan]);

  const rows = useMemo(
    () => plan.vehicles.filter((vehicle) => shows(vehicle, show)).sort(compare(sort)),
    [plan, show, sort],
  );

  return (
    <>
      <div className={styles.controls}>
        <Field label="Show" className={styles.control}>
          <Dropdown
            value={show}
            selectedOptions={[show]}
            onOptionSelect={(_, data) => {
              setShow((data.optionValue as Show | undefined) ?? "All");
              setLimit(PAGE);
            }}
          >
            {SHOW.map((option) => (
              <Option key={option} value={option}>
                {option}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="Sort by" className={styles.control}>
          <Dropdown
            value={sort}
            selectedOptions={[sort]}
            onOptionSelect={(_, data) => setSort((data.optionValue as Sort | undefined) ?? "Table order")}
          >
            {SORTS.map((option) => (
              <Option key={option} value={option}>
                {option}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      <ResultTable
        label="Every vehicle"
        columns={columns}
        rows={rows.slice(0, limit)}
        rowKey={(vehicle) => String(vehicle.row)}
      />
      <Text>{`Showing ${Math.min(limit, rows.length)} of ${rows.length} vehicles.`}</Text>
      {rows.length > limit && (
        <div>
          <Button onClick={() => setLimit(limit + PAGE)}>
            {`Show ${Math.min(PAGE, rows.length - limit)} more`}
          </Button>
        </div>
      )}
    </>
  );
}
