/** Fluent UI in jsdom is slow on a loaded 2-core CI machine: wait longer for what the pane shows. */
import { configure } from "@testing-library/react";

configure({ asyncUtilTimeout: 10_000 });

// The project's `testTimeout` is not applied to files picked by path, so the pane's tests set it here.
jest.setTimeout(60_000);
