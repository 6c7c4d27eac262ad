/** How many simulated seconds a prediction covers unless told otherwise: the editor setting, the CLI and lint agree. */
export const DEFAULT_HORIZON_SECONDS = 900;
