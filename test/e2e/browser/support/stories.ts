/** Stories the browser tests paste into the chat's start form (no reference solution). */
export const healthStory = `---
title: Add a health endpoint
complexity: simple
---
# Add a health endpoint

Expose \`GET /health\` so the load balancer can tell when the service is up.

## Acceptance criteria

- \`GET /health\` answers 200 with \`{ "status": "ok" }\`
- A unit test covers the endpoint
`;

/** The integration fixtures' cart story as markdown (its restatement and plan move it along). */
export const cartStory = `---
title: Add a cart total
complexity: simple
---
# Add a cart total

Show the total price of the items in the shopping cart.

## Acceptance criteria

- The total sums the item prices
- An empty cart has a total of zero
`;
