export * from "./access";
export * from "./auth";
export * from "./bodies";
export * from "./evidence";
export * from "./milestones";
export * from "./status-history";
export * from "./translations";
export * from "./workstreams";
