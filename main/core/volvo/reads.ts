import { z } from 'zod';
import type { Transport } from './http';
import { vehiclePath } from './input';
import type { CallOptions } from './model';
import { ReadingsEnvelopeSchema } from './readings';

/** Both versions wrap the vehicle list in `data`. */
const VehiclesSchema = z.object({ data: z.array(z.object({ vin: z.string().min(1) })) });

/** What a 404 for one vehicle means, in words. */
export function unknownVehicle(vin: string): string {
  return `There is no car with VIN ${vin} on this Volvo ID`;
}

/** The GET requests both versions make; they differ only in the `accept` header. */
export interface Reads {
  /** `/vehicles`: the VINs linked to the account. */
  vehicles(options: CallOptions): Promise<string[]>;
  /** `/vehicles/{vin}{rest}`, its body validated by `schema`; `what` names the call in errors. */
  vehicle<S extends z.ZodType>(
    vin: string,
    rest: string,
    schema: S,
    what: string,
    options: CallOptions,
  ): Promise<z.output<S>>;
  /**
   * `/vehicles/{vin}/doors` or `/windows`: only the `{ data: {...} }` envelope is checked here;
   * each field is read on its own (see `readings.ts`).
   */
  readings(
    vin: string,
    part: 'doors' | 'windows',
    options: CallOptions,
  ): Promise<Record<string, unknown>>;
}

export function createReads(transport: Transport, accept: string): Reads {
  const headers = { accept };
  return {
    async vehicles(options) {
      const { data } = await transport.send(
        {
          method: 'GET',
          target: '/vehicles',
          headers,
          signal: options.signal,
          notFound: 'The Volvo API at this address has no vehicle list; check the API address',
        },
        VehiclesSchema,
        'vehicle list',
      );
      return data.map((vehicle) => vehicle.vin);
    },
    async vehicle(vin, rest, schema, what, options) {
      return transport.send(
        {
          method: 'GET',
          target: vehiclePath(vin, rest),
          headers,
          signal: options.signal,
          notFound: unknownVehicle(vin),
        },
        schema,
        what,
      );
    },
    async readings(vin, part, options) {
      const { data } = await this.vehicle(vin, `/${part}`, ReadingsEnvelopeSchema, part, options);
      return data;
    },
  };
}
