export * from "./article.js";
export * from "./brief.js";
export * from "./findings.js";
export * from "./material.js";
export * from "./extract.js";
export * from "./facts.js";
