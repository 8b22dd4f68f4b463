import { searchFold } from '@kh02/schemas';
import { describe, expect, it } from 'vitest';

describe('searchFold (directory search without diacritics)', () => {
  it('folds tones, marks and đ, case and spacing', () => {
    expect(searchFold('Hà Nội')).toBe('ha noi');
    expect(searchFold('  Đắk   Lắk ')).toBe('dak lak');
    expect(searchFold('THỪA THIÊN HUẾ')).toBe('thua thien hue');
  });
  it('folds the decomposed (NFD) spelling the same as the composed one', () => {
    expect(searchFold('Hà Nội'.normalize('NFD'))).toBe(searchFold('Hà Nội'.normalize('NFC')));
  });
});
