// Next.js's edge adapter in miniature: each fetch event the edge-runtime VM dispatches is answered by the route's POST.
import { POST } from "../../../examples/nextjs/app/api/chat/route.ts";

addEventListener("fetch", (event) => {
  event.respondWith(POST(event.request));
});
