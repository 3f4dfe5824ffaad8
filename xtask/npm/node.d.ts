export * from "./nutshell.js";
