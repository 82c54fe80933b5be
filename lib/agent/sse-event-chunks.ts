// Hands the openai SDK a streamed answer one server-sent event at a time. Its SSE reader (openai 6.x;
// fixed only in 7.x, which needs Node 22) copies the rest of its buffer after every event it finds,
// so a read holding thousands of events (a fast local model, a reply that arrived while the worker was
// busy) cost seconds: a 15 KB answer in 3,800 events took 2.4 s in the service worker. Cut at each
// event's end, every read holds at most one event and that copy stays small.

/** Splits each chunk after every blank line ("\n\n" or "\r\n\r\n") without copying; the bytes are unchanged. */
export function sseEventChunks(): TransformStream<Uint8Array, Uint8Array> {
  return new TransformStream({
    transform(chunk, controller) {
      let start = 0;
      for (let index = 0; index + 1 < chunk.length; index++) {
        let end = -1;
        if (chunk[index] === 0x0a && chunk[index + 1] === 0x0a) end = index + 2;
        else if (chunk[index] === 0x0d && chunk[index + 1] === 0x0a && chunk[index + 2] === 0x0d && chunk[index + 3] === 0x0a) end = index + 4;
        if (end === -1) continue;
        controller.enqueue(chunk.subarray(start, end));
        start = end;
        index = end - 1;
      }
      // A blank line split across two chunks is missed: that only leaves two events in one read.
      if (start < chunk.length) controller.enqueue(chunk.subarray(start));
    },
  });
}

type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** A fetch whose event-stream responses arrive one event per read; every other response is untouched. */
export function eventSplittingFetch(base: FetchLike = (input, init) => fetch(input, init)): FetchLike {
  return async (input, init) => {
    const response = await base(input, init);
    const type = response.headers.get('content-type') ?? '';
    if (!type.includes('text/event-stream') || response.body === null) return response;
    return new Response(response.body.pipeThrough(sseEventChunks()), { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}
