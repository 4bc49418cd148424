/** Fluent UI in jsdom is slow on a loaded 2-core CI machine: wait longer for what the pane shows. */
import { configure } from "@testing-library/react";

configure({ asyncUtilTimeout: 10_000 });
