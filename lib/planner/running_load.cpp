// Placeholder: the planner helper implements this file.
