// The command `npm start` and `npm run dev` run (`node server.mjs`): the entry itself lives in
// server/main.mjs with the rest of the process edge (docs/architecture.md); this file only loads it, so
// that the process is still named after server.mjs for operators, scripts and monitoring.
import "./server/main.mjs";
