import type { CarWarning } from '../vehicle';

/** Names for Volvo's warning fields, as Home Assistant's `volvo` integration reads them. */
const WARNING_NAMES: Readonly<Record<string, string>> = {
  brakeLightCenterWarning: 'Centre brake light',
  brakeLightLeftWarning: 'Left brake light',
  brakeLightRightWarning: 'Right brake light',
  fogLightFrontWarning: 'Front fog light',
  fogLightRearWarning: 'Rear fog light',
  positionLightFrontLeftWarning: 'Front left position light',
  positionLightFrontRightWarning: 'Front right position light',
  positionLightRearLeftWarning: 'Rear left position light',
  positionLightRearRightWarning: 'Rear right position light',
  highBeamLeftWarning: 'Left high beam',
  highBeamRightWarning: 'Right high beam',
  lowBeamLeftWarning: 'Left low beam',
  lowBeamRightWarning: 'Right low beam',
  daytimeRunningLightLeftWarning: 'Left daytime running light',
  daytimeRunningLightRightWarning: 'Right daytime running light',
  turnIndicationFrontLeftWarning: 'Front left turn signal',
  turnIndicationFrontRightWarning: 'Front right turn signal',
  turnIndicationRearLeftWarning: 'Rear left turn signal',
  turnIndicationRearRightWarning: 'Rear right turn signal',
  registrationPlateLightWarning: 'Number plate light',
  sideMarkLightsWarning: 'Side marker lights',
  hazardLightsWarning: 'Hazard lights',
  reverseLightsWarning: 'Reversing lights',
};

/**
 * A warning in words: "Centre brake light: failure". A field Volvo added since is named from
 * its own words ("wiperBladeWarning" -> "Wiper blade"), and a value volvo-tray does not know is
 * quoted, not taken for a failure or for "fine".
 */
export function warningInWords(warning: CarWarning): string {
  const name = WARNING_NAMES[warning.field] ?? nameFromField(warning.field);
  return warning.reading.value === 'FAILURE'
    ? `${name}: failure`
    : `${name}: the car reported "${warning.reading.reported ?? 'something unknown'}"`;
}

function nameFromField(field: string): string {
  const words = field
    .replace(/Warning$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'A warning';
}
