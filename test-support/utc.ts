// Imported first by the fault matrix's script and test: the times it writes ("checks resume at
// 08:05") are in UTC whatever the machine's zone, so the document is the same everywhere.
process.env.TZ = 'UTC';
