// `node server.mjs` still starts Agora: the entry lives in server/main.mjs with the rest of the edge.
import "./server/main.mjs";
