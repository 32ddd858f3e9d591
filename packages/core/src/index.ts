export type * from "./types.js";
export { formatG } from "./diagrams/format-g.js";
export { formatRipserBarcodes } from "./diagrams/ripser-barcodes.js";
export type {
  CocycleRowJSON,
  DiagramOfDimensionJSON,
  PersistenceDiagramJSON,
} from "./diagrams/diagram-to-json.js";
export { diagramToJSON } from "./diagrams/diagram-to-json.js";
export { diagramFromJSON } from "./diagrams/diagram-from-json.js";
export type {
  CubicalConstruction,
  CubicalPersistenceOptions,
} from "./cubical/cubical-persistence.js";
export { cubicalPersistence } from "./cubical/cubical-persistence.js";
export type { RipsOptions } from "./ph/rips-persistence.js";
export { ripsPersistence } from "./ph/rips-persistence.js";
