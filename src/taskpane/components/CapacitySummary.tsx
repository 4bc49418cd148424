/** SPEC 10.1 in the pane: expected leads against sales' capacity, and the money the capacity holds back. */
import { Table, TableBody, TableCell, TableRow, Text } from "@fluentui/react-components";
import type { AllocationSummary, LeadSummary } from "../../core/model";
import { formatLeads } from "../../core/numberText";
import { EMPTY_FIGURE, money } from "../format";

function leads(value: number | null): string {
  return value === null ? EMPTY_FIGURE : formatLeads(value);
}

export function CapacitySummary({ allocation }: { allocation: AllocationSummary & LeadSummary }) {
  if (allocation.expectedLeads === null) return null;
  const { expectedLeads, leadCapacity, heldBackForCapacity, leadsPerRep } = allocation;
  const rows: [string, string][] = [["Expected leads", leads(expectedLeads)]];
  if (leadCapacity !== null) {
    rows.push(["Lead capacity", leads(leadCapacity)]);
    rows.push(["Held back for capacity", money(heldBackForCapacity)]);
  }
  if (leadsPerRep !== null) rows.push(["Leads per rep", leads(leadsPerRep)]);
  const atCapacity = leadCapacity !== null && (heldBackForCapacity ?? 0) > 0;
  return (
    <section aria-label="Leads and sales capacity">
      <Text as="h3" weight="semibold">
        Leads and sales capacity
      </Text>
      {leadCapacity !== null && (
        <Text as="p">
          {atCapacity
            ? `Sales can work ${leads(leadCapacity)} leads, so ${money(heldBackForCapacity)} of the budget is held back.`
            : `The plan brings ${leads(expectedLeads)} of the ${leads(leadCapacity)} leads sales can work.`}
        </Text>
      )}
      <Table aria-label="Leads and sales capacity" size="small">
        <TableBody>
          {rows.map(([label, value]) => (
            <TableRow key={label}>
              <TableCell>{label}</TableCell>
              <TableCell>{value}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
