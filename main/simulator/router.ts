import { apiError, type Handler, isAddressedToLoopback } from './http';

/** Sends each request addressed to this computer to the part of the simulator that owns its path. */
export function createRouter(parts: {
  volvoId: Handler;
  api: Handler;
  portal: Handler;
  control: Handler;
}): Handler {
  return (request) => {
    if (!isAddressedToLoopback(request)) {
      return apiError(403, 'FORBIDDEN', 'The simulator answers only 127.0.0.1 and localhost.');
    }
    const [first] = request.segments;
    if (first === '.well-known' || first === 'as') return parts.volvoId(request);
    if (first === 'connected-vehicle') return parts.api(request);
    if (first === 'api') return parts.portal(request);
    if (first === '_simulator') return parts.control(request);
    return apiError(404, 'NOT_FOUND', 'There is no such resource.');
  };
}
