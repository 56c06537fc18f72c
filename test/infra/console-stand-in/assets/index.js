// Stands in for the console's bundle in the infra tests.
