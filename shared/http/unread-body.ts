import type { MiddlewareHandler } from "hono";

/**
 * A request answered before its body was read (too large, no token, no such route) leaves the rest of
 * that body on the connection. Node's server then drops the connection some time after answering, and a
 * client that reused it for its next request sees that request fail. Saying `Connection: close` makes the
 * client open a new connection instead. Only on the Node server (`npm start`): in AWS, API Gateway owns
 * the client's connection and the function never sees one.
 */
export const closeConnectionWhenBodyUnread: MiddlewareHandler = async (c, next) => {
  await next();
  const onNodeServer = typeof c.env === "object" && c.env !== null && "incoming" in c.env;
  const hasBody =
    Number(c.req.header("content-length") ?? 0) > 0 || c.req.header("transfer-encoding") !== undefined;
  if (onNodeServer && hasBody && !c.req.raw.bodyUsed) c.res.headers.set("connection", "close");
};
