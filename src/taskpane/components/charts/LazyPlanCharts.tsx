import { Text } from "@fluentui/react-components";
import { lazy, Suspense, type ComponentProps } from "react";

/** The chart code is a chunk of its own, fetched the first time a plan is shown. */
const PlanCharts = lazy(() => import(/* webpackChunkName: "charts" */ "./PlanCharts"));

export function LazyPlanCharts(props: ComponentProps<typeof PlanCharts>) {
  return (
    <Suspense fallback={<Text>Drawing the charts…</Text>}>
      <PlanCharts {...props} />
    </Suspense>
  );
}
