//! Character sets and collations: what a collation id means, and turning the bytes of
//! a string column or user variable into text.
//!
//! Binlogs name a string's character set only by a collation id: in the TABLE_MAP
//! column metadata, in a QUERY event's `character_set_client`/`collation_connection`
//! status variables, in a USER_VAR event. The ids below 256 are shared by MySQL and
//! MariaDB (with a few differences: MySQL's `utf8mb3_tolower_ci` and `gb18030`,
//! MariaDB's `*_croatian_mysql561_ci`), the ids above differ: MySQL 8.0 and 9.x use
//! 255 to 323 for its `utf8mb4_*_0900_*` collations, MariaDB uses 576 to 738 for its
//! `*_croatian_ci`/`*_myanmar_ci`/`*_thai_520_w2` collations, 1025 to 1270 for its
//! `*_nopad_*` collations and 2048 to 3271 for its UCA 14.0.0 (`uca1400`) collations;
//! MariaDB 11.4.5 and later also know MySQL's `utf8mb4_*_0900_*` ids, as aliases of
//! its `uca1400` collations.
//!
//! The names are those the server of each flavour prints in `SHOW COLLATION` (and in
//! `information_schema.COLLATION_CHARACTER_SET_APPLICABILITY.FULL_COLLATION_NAME` for
//! MariaDB's `uca1400` collations, whose short `SHOW COLLATION` names such as
//! `uca1400_ai_ci` do not name the character set): `utf8mb3_*` for the three-byte
//! UTF-8 collations, as MySQL prints them since 8.0.30 and MariaDB since 10.6.1
//! (older servers printed `utf8_*`).
//!
//! The tables were generated from MariaDB 10.11's `information_schema` and from MySQL's
//! sources; `/work/notes/charsets.md` says where each part came from.

use std::borrow::Cow;

/// The character set of a collation, as far as this crate tells them apart.
///
/// The character sets whose text [`decode`] turns into a `str` have their own variant;
/// every other one is [`Charset::Other`] with its MySQL name.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Charset {
    /// `utf8mb3` (`utf8` before MySQL 8.0.30 and MariaDB 10.6.1): UTF-8 limited to the
    /// Basic Multilingual Plane, at most three bytes a character.
    Utf8mb3,
    /// `utf8mb4`: UTF-8.
    Utf8mb4,
    /// `latin1`: Windows code page 1252, where the five bytes cp1252 leaves undefined
    /// stand for the C1 controls of the same value.
    Latin1,
    /// `ascii`: US-ASCII, 7-bit.
    Ascii,
    /// `binary`: bytes, no text.
    Binary,
    /// Any other character set, by its MySQL name: `"utf16"`, `"gbk"`, `"ucs2"`,
    /// `"cp1251"`...
    Other(&'static str),
}

impl Charset {
    /// The character set called `name` (a MySQL character set name, as in the `Charset`
    /// column of `SHOW COLLATION`).
    fn from_name(name: &'static str) -> Charset {
        match name {
            "utf8mb3" | "utf8" => Charset::Utf8mb3,
            "utf8mb4" => Charset::Utf8mb4,
            "latin1" => Charset::Latin1,
            "ascii" => Charset::Ascii,
            "binary" => Charset::Binary,
            other => Charset::Other(other),
        }
    }
}

/// One collation: its id and its name. Its character set is the part of the name
/// before the first `_` (the whole name for `binary`), which holds for every collation
/// of both flavours (the generator checked it against the servers' `Charset` column).
type Collation = (u16, &'static str);

/// The collations of MySQL 8.0 and 9.x (8.0.30 and later name the `utf8mb3` ones
/// `utf8mb3_*`), sorted by id.
static MYSQL_COLLATIONS: [Collation; 286] = [
    (1, "big5_chinese_ci"),
    (2, "latin2_czech_cs"),
    (3, "dec8_swedish_ci"),
    (4, "cp850_general_ci"),
    (5, "latin1_german1_ci"),
    (6, "hp8_english_ci"),
    (7, "koi8r_general_ci"),
    (8, "latin1_swedish_ci"),
    (9, "latin2_general_ci"),
    (10, "swe7_swedish_ci"),
    (11, "ascii_general_ci"),
    (12, "ujis_japanese_ci"),
    (13, "sjis_japanese_ci"),
    (14, "cp1251_bulgarian_ci"),
    (15, "latin1_danish_ci"),
    (16, "hebrew_general_ci"),
    (18, "tis620_thai_ci"),
    (19, "euckr_korean_ci"),
    (20, "latin7_estonian_cs"),
    (21, "latin2_hungarian_ci"),
    (22, "koi8u_general_ci"),
    (23, "cp1251_ukrainian_ci"),
    (24, "gb2312_chinese_ci"),
    (25, "greek_general_ci"),
    (26, "cp1250_general_ci"),
    (27, "latin2_croatian_ci"),
    (28, "gbk_chinese_ci"),
    (29, "cp1257_lithuanian_ci"),
    (30, "latin5_turkish_ci"),
    (31, "latin1_german2_ci"),
    (32, "armscii8_general_ci"),
    (33, "utf8mb3_general_ci"),
    (34, "cp1250_czech_cs"),
    (35, "ucs2_general_ci"),
    (36, "cp866_general_ci"),
    (37, "keybcs2_general_ci"),
    (38, "macce_general_ci"),
    (39, "macroman_general_ci"),
    (40, "cp852_general_ci"),
    (41, "latin7_general_ci"),
    (42, "latin7_general_cs"),
    (43, "macce_bin"),
    (44, "cp1250_croatian_ci"),
    (45, "utf8mb4_general_ci"),
    (46, "utf8mb4_bin"),
    (47, "latin1_bin"),
    (48, "latin1_general_ci"),
    (49, "latin1_general_cs"),
    (50, "cp1251_bin"),
    (51, "cp1251_general_ci"),
    (52, "cp1251_general_cs"),
    (53, "macroman_bin"),
    (54, "utf16_general_ci"),
    (55, "utf16_bin"),
    (56, "utf16le_general_ci"),
    (57, "cp1256_general_ci"),
    (58, "cp1257_bin"),
    (59, "cp1257_general_ci"),
    (60, "utf32_general_ci"),
    (61, "utf32_bin"),
    (62, "utf16le_bin"),
    (63, "binary"),
    (64, "armscii8_bin"),
    (65, "ascii_bin"),
    (66, "cp1250_bin"),
    (67, "cp1256_bin"),
    (68, "cp866_bin"),
    (69, "dec8_bin"),
    (70, "greek_bin"),
    (71, "hebrew_bin"),
    (72, "hp8_bin"),
    (73, "keybcs2_bin"),
    (74, "koi8r_bin"),
    (75, "koi8u_bin"),
    (76, "utf8mb3_tolower_ci"),
    (77, "latin2_bin"),
    (78, "latin5_bin"),
    (79, "latin7_bin"),
    (80, "cp850_bin"),
    (81, "cp852_bin"),
    (82, "swe7_bin"),
    (83, "utf8mb3_bin"),
    (84, "big5_bin"),
    (85, "euckr_bin"),
    (86, "gb2312_bin"),
    (87, "gbk_bin"),
    (88, "sjis_bin"),
    (89, "tis620_bin"),
    (90, "ucs2_bin"),
    (91, "ujis_bin"),
    (92, "geostd8_general_ci"),
    (93, "geostd8_bin"),
    (94, "latin1_spanish_ci"),
    (95, "cp932_japanese_ci"),
    (96, "cp932_bin"),
    (97, "eucjpms_japanese_ci"),
    (98, "eucjpms_bin"),
    (99, "cp1250_polish_ci"),
    (101, "utf16_unicode_ci"),
    (102, "utf16_icelandic_ci"),
    (103, "utf16_latvian_ci"),
    (104, "utf16_romanian_ci"),
    (105, "utf16_slovenian_ci"),
    (106, "utf16_polish_ci"),
    (107, "utf16_estonian_ci"),
    (108, "utf16_spanish_ci"),
    (109, "utf16_swedish_ci"),
    (110, "utf16_turkish_ci"),
    (111, "utf16_czech_ci"),
    (112, "utf16_danish_ci"),
    (113, "utf16_lithuanian_ci"),
    (114, "utf16_slovak_ci"),
    (115, "utf16_spanish2_ci"),
    (116, "utf16_roman_ci"),
    (117, "utf16_persian_ci"),
    (118, "utf16_esperanto_ci"),
    (119, "utf16_hungarian_ci"),
    (120, "utf16_sinhala_ci"),
    (121, "utf16_german2_ci"),
    (122, "utf16_croatian_ci"),
    (123, "utf16_unicode_520_ci"),
    (124, "utf16_vietnamese_ci"),
    (128, "ucs2_unicode_ci"),
    (129, "ucs2_icelandic_ci"),
    (130, "ucs2_latvian_ci"),
    (131, "ucs2_romanian_ci"),
    (132, "ucs2_slovenian_ci"),
    (133, "ucs2_polish_ci"),
    (134, "ucs2_estonian_ci"),
    (135, "ucs2_spanish_ci"),
    (136, "ucs2_swedish_ci"),
    (137, "ucs2_turkish_ci"),
    (138, "ucs2_czech_ci"),
    (139, "ucs2_danish_ci"),
    (140, "ucs2_lithuanian_ci"),
    (141, "ucs2_slovak_ci"),
    (142, "ucs2_spanish2_ci"),
    (143, "ucs2_roman_ci"),
    (144, "ucs2_persian_ci"),
    (145, "ucs2_esperanto_ci"),
    (146, "ucs2_hungarian_ci"),
    (147, "ucs2_sinhala_ci"),
    (148, "ucs2_german2_ci"),
    (149, "ucs2_croatian_ci"),
    (150, "ucs2_unicode_520_ci"),
    (151, "ucs2_vietnamese_ci"),
    (159, "ucs2_general_mysql500_ci"),
    (160, "utf32_unicode_ci"),
    (161, "utf32_icelandic_ci"),
    (162, "utf32_latvian_ci"),
    (163, "utf32_romanian_ci"),
    (164, "utf32_slovenian_ci"),
    (165, "utf32_polish_ci"),
    (166, "utf32_estonian_ci"),
    (167, "utf32_spanish_ci"),
    (168, "utf32_swedish_ci"),
    (169, "utf32_turkish_ci"),
    (170, "utf32_czech_ci"),
    (171, "utf32_danish_ci"),
    (172, "utf32_lithuanian_ci"),
    (173, "utf32_slovak_ci"),
    (174, "utf32_spanish2_ci"),
    (175, "utf32_roman_ci"),
    (176, "utf32_persian_ci"),
    (177, "utf32_esperanto_ci"),
    (178, "utf32_hungarian_ci"),
    (179, "utf32_sinhala_ci"),
    (180, "utf32_german2_ci"),
    (181, "utf32_croatian_ci"),
    (182, "utf32_unicode_520_ci"),
    (183, "utf32_vietnamese_ci"),
    (192, "utf8mb3_unicode_ci"),
    (193, "utf8mb3_icelandic_ci"),
    (194, "utf8mb3_latvian_ci"),
    (195, "utf8mb3_romanian_ci"),
    (196, "utf8mb3_slovenian_ci"),
    (197, "utf8mb3_polish_ci"),
    (198, "utf8mb3_estonian_ci"),
    (199, "utf8mb3_spanish_ci"),
    (200, "utf8mb3_swedish_ci"),
    (201, "utf8mb3_turkish_ci"),
    (202, "utf8mb3_czech_ci"),
    (203, "utf8mb3_danish_ci"),
    (204, "utf8mb3_lithuanian_ci"),
    (205, "utf8mb3_slovak_ci"),
    (206, "utf8mb3_spanish2_ci"),
    (207, "utf8mb3_roman_ci"),
    (208, "utf8mb3_persian_ci"),
    (209, "utf8mb3_esperanto_ci"),
    (210, "utf8mb3_hungarian_ci"),
    (211, "utf8mb3_sinhala_ci"),
    (212, "utf8mb3_german2_ci"),
    (213, "utf8mb3_croatian_ci"),
    (214, "utf8mb3_unicode_520_ci"),
    (215, "utf8mb3_vietnamese_ci"),
    (223, "utf8mb3_general_mysql500_ci"),
    (224, "utf8mb4_unicode_ci"),
    (225, "utf8mb4_icelandic_ci"),
    (226, "utf8mb4_latvian_ci"),
    (227, "utf8mb4_romanian_ci"),
    (228, "utf8mb4_slovenian_ci"),
    (229, "utf8mb4_polish_ci"),
    (230, "utf8mb4_estonian_ci"),
    (231, "utf8mb4_spanish_ci"),
    (232, "utf8mb4_swedish_ci"),
    (233, "utf8mb4_turkish_ci"),
    (234, "utf8mb4_czech_ci"),
    (235, "utf8mb4_danish_ci"),
    (236, "utf8mb4_lithuanian_ci"),
    (237, "utf8mb4_slovak_ci"),
    (238, "utf8mb4_spanish2_ci"),
    (239, "utf8mb4_roman_ci"),
    (240, "utf8mb4_persian_ci"),
    (241, "utf8mb4_esperanto_ci"),
    (242, "utf8mb4_hungarian_ci"),
    (243, "utf8mb4_sinhala_ci"),
    (244, "utf8mb4_german2_ci"),
    (245, "utf8mb4_croatian_ci"),
    (246, "utf8mb4_unicode_520_ci"),
    (247, "utf8mb4_vietnamese_ci"),
    (248, "gb18030_chinese_ci"),
    (249, "gb18030_bin"),
    (250, "gb18030_unicode_520_ci"),
    (255, "utf8mb4_0900_ai_ci"),
    (256, "utf8mb4_de_pb_0900_ai_ci"),
    (257, "utf8mb4_is_0900_ai_ci"),
    (258, "utf8mb4_lv_0900_ai_ci"),
    (259, "utf8mb4_ro_0900_ai_ci"),
    (260, "utf8mb4_sl_0900_ai_ci"),
    (261, "utf8mb4_pl_0900_ai_ci"),
    (262, "utf8mb4_et_0900_ai_ci"),
    (263, "utf8mb4_es_0900_ai_ci"),
    (264, "utf8mb4_sv_0900_ai_ci"),
    (265, "utf8mb4_tr_0900_ai_ci"),
    (266, "utf8mb4_cs_0900_ai_ci"),
    (267, "utf8mb4_da_0900_ai_ci"),
    (268, "utf8mb4_lt_0900_ai_ci"),
    (269, "utf8mb4_sk_0900_ai_ci"),
    (270, "utf8mb4_es_trad_0900_ai_ci"),
    (271, "utf8mb4_la_0900_ai_ci"),
    (273, "utf8mb4_eo_0900_ai_ci"),
    (274, "utf8mb4_hu_0900_ai_ci"),
    (275, "utf8mb4_hr_0900_ai_ci"),
    (277, "utf8mb4_vi_0900_ai_ci"),
    (278, "utf8mb4_0900_as_cs"),
    (279, "utf8mb4_de_pb_0900_as_cs"),
    (280, "utf8mb4_is_0900_as_cs"),
    (281, "utf8mb4_lv_0900_as_cs"),
    (282, "utf8mb4_ro_0900_as_cs"),
    (283, "utf8mb4_sl_0900_as_cs"),
    (284, "utf8mb4_pl_0900_as_cs"),
    (285, "utf8mb4_et_0900_as_cs"),
    (286, "utf8mb4_es_0900_as_cs"),
    (287, "utf8mb4_sv_0900_as_cs"),
    (288, "utf8mb4_tr_0900_as_cs"),
    (289, "utf8mb4_cs_0900_as_cs"),
    (290, "utf8mb4_da_0900_as_cs"),
    (291, "utf8mb4_lt_0900_as_cs"),
    (292, "utf8mb4_sk_0900_as_cs"),
    (293, "utf8mb4_es_trad_0900_as_cs"),
    (294, "utf8mb4_la_0900_as_cs"),
    (296, "utf8mb4_eo_0900_as_cs"),
    (297, "utf8mb4_hu_0900_as_cs"),
    (298, "utf8mb4_hr_0900_as_cs"),
    (300, "utf8mb4_vi_0900_as_cs"),
    (303, "utf8mb4_ja_0900_as_cs"),
    (304, "utf8mb4_ja_0900_as_cs_ks"),
    (305, "utf8mb4_0900_as_ci"),
    (306, "utf8mb4_ru_0900_ai_ci"),
    (307, "utf8mb4_ru_0900_as_cs"),
    (308, "utf8mb4_zh_0900_as_cs"),
    (309, "utf8mb4_0900_bin"),
    (310, "utf8mb4_nb_0900_ai_ci"),
    (311, "utf8mb4_nb_0900_as_cs"),
    (312, "utf8mb4_nn_0900_ai_ci"),
    (313, "utf8mb4_nn_0900_as_cs"),
    (314, "utf8mb4_sr_latn_0900_ai_ci"),
    (315, "utf8mb4_sr_latn_0900_as_cs"),
    (316, "utf8mb4_bs_0900_ai_ci"),
    (317, "utf8mb4_bs_0900_as_cs"),
    (318, "utf8mb4_bg_0900_ai_ci"),
    (319, "utf8mb4_bg_0900_as_cs"),
    (320, "utf8mb4_gl_0900_ai_ci"),
    (321, "utf8mb4_gl_0900_as_cs"),
    (322, "utf8mb4_mn_cyrl_0900_ai_ci"),
    (323, "utf8mb4_mn_cyrl_0900_as_cs"),
];

/// The collations of MariaDB 10.11 to 11.x, sorted by id: everything MariaDB 10.11
/// lists in `information_schema.COLLATION_CHARACTER_SET_APPLICABILITY`, plus the 44
/// `utf8mb4_*_0900_*` aliases MariaDB 11.4.5 added under MySQL's ids.
static MARIADB_COLLATIONS: [Collation; 1286] = [
    (1, "big5_chinese_ci"),
    (2, "latin2_czech_cs"),
    (3, "dec8_swedish_ci"),
    (4, "cp850_general_ci"),
    (5, "latin1_german1_ci"),
    (6, "hp8_english_ci"),
    (7, "koi8r_general_ci"),
    (8, "latin1_swedish_ci"),
    (9, "latin2_general_ci"),
    (10, "swe7_swedish_ci"),
    (11, "ascii_general_ci"),
    (12, "ujis_japanese_ci"),
    (13, "sjis_japanese_ci"),
    (14, "cp1251_bulgarian_ci"),
    (15, "latin1_danish_ci"),
    (16, "hebrew_general_ci"),
    (18, "tis620_thai_ci"),
    (19, "euckr_korean_ci"),
    (20, "latin7_estonian_cs"),
    (21, "latin2_hungarian_ci"),
    (22, "koi8u_general_ci"),
    (23, "cp1251_ukrainian_ci"),
    (24, "gb2312_chinese_ci"),
    (25, "greek_general_ci"),
    (26, "cp1250_general_ci"),
    (27, "latin2_croatian_ci"),
    (28, "gbk_chinese_ci"),
    (29, "cp1257_lithuanian_ci"),
    (30, "latin5_turkish_ci"),
    (31, "latin1_german2_ci"),
    (32, "armscii8_general_ci"),
    (33, "utf8mb3_general_ci"),
    (34, "cp1250_czech_cs"),
    (35, "ucs2_general_ci"),
    (36, "cp866_general_ci"),
    (37, "keybcs2_general_ci"),
    (38, "macce_general_ci"),
    (39, "macroman_general_ci"),
    (40, "cp852_general_ci"),
    (41, "latin7_general_ci"),
    (42, "latin7_general_cs"),
    (43, "macce_bin"),
    (44, "cp1250_croatian_ci"),
    (45, "utf8mb4_general_ci"),
    (46, "utf8mb4_bin"),
    (47, "latin1_bin"),
    (48, "latin1_general_ci"),
    (49, "latin1_general_cs"),
    (50, "cp1251_bin"),
    (51, "cp1251_general_ci"),
    (52, "cp1251_general_cs"),
    (53, "macroman_bin"),
    (54, "utf16_general_ci"),
    (55, "utf16_bin"),
    (56, "utf16le_general_ci"),
    (57, "cp1256_general_ci"),
    (58, "cp1257_bin"),
    (59, "cp1257_general_ci"),
    (60, "utf32_general_ci"),
    (61, "utf32_bin"),
    (62, "utf16le_bin"),
    (63, "binary"),
    (64, "armscii8_bin"),
    (65, "ascii_bin"),
    (66, "cp1250_bin"),
    (67, "cp1256_bin"),
    (68, "cp866_bin"),
    (69, "dec8_bin"),
    (70, "greek_bin"),
    (71, "hebrew_bin"),
    (72, "hp8_bin"),
    (73, "keybcs2_bin"),
    (74, "koi8r_bin"),
    (75, "koi8u_bin"),
    (77, "latin2_bin"),
    (78, "latin5_bin"),
    (79, "latin7_bin"),
    (80, "cp850_bin"),
    (81, "cp852_bin"),
    (82, "swe7_bin"),
    (83, "utf8mb3_bin"),
    (84, "big5_bin"),
    (85, "euckr_bin"),
    (86, "gb2312_bin"),
    (87, "gbk_bin"),
    (88, "sjis_bin"),
    (89, "tis620_bin"),
    (90, "ucs2_bin"),
    (91, "ujis_bin"),
    (92, "geostd8_general_ci"),
    (93, "geostd8_bin"),
    (94, "latin1_spanish_ci"),
    (95, "cp932_japanese_ci"),
    (96, "cp932_bin"),
    (97, "eucjpms_japanese_ci"),
    (98, "eucjpms_bin"),
    (99, "cp1250_polish_ci"),
    (101, "utf16_unicode_ci"),
    (102, "utf16_icelandic_ci"),
    (103, "utf16_latvian_ci"),
    (104, "utf16_romanian_ci"),
    (105, "utf16_slovenian_ci"),
    (106, "utf16_polish_ci"),
    (107, "utf16_estonian_ci"),
    (108, "utf16_spanish_ci"),
    (109, "utf16_swedish_ci"),
    (110, "utf16_turkish_ci"),
    (111, "utf16_czech_ci"),
    (112, "utf16_danish_ci"),
    (113, "utf16_lithuanian_ci"),
    (114, "utf16_slovak_ci"),
    (115, "utf16_spanish2_ci"),
    (116, "utf16_roman_ci"),
    (117, "utf16_persian_ci"),
    (118, "utf16_esperanto_ci"),
    (119, "utf16_hungarian_ci"),
    (120, "utf16_sinhala_ci"),
    (121, "utf16_german2_ci"),
    (122, "utf16_croatian_mysql561_ci"),
    (123, "utf16_unicode_520_ci"),
    (124, "utf16_vietnamese_ci"),
    (128, "ucs2_unicode_ci"),
    (129, "ucs2_icelandic_ci"),
    (130, "ucs2_latvian_ci"),
    (131, "ucs2_romanian_ci"),
    (132, "ucs2_slovenian_ci"),
    (133, "ucs2_polish_ci"),
    (134, "ucs2_estonian_ci"),
    (135, "ucs2_spanish_ci"),
    (136, "ucs2_swedish_ci"),
    (137, "ucs2_turkish_ci"),
    (138, "ucs2_czech_ci"),
    (139, "ucs2_danish_ci"),
    (140, "ucs2_lithuanian_ci"),
    (141, "ucs2_slovak_ci"),
    (142, "ucs2_spanish2_ci"),
    (143, "ucs2_roman_ci"),
    (144, "ucs2_persian_ci"),
    (145, "ucs2_esperanto_ci"),
    (146, "ucs2_hungarian_ci"),
    (147, "ucs2_sinhala_ci"),
    (148, "ucs2_german2_ci"),
    (149, "ucs2_croatian_mysql561_ci"),
    (150, "ucs2_unicode_520_ci"),
    (151, "ucs2_vietnamese_ci"),
    (159, "ucs2_general_mysql500_ci"),
    (160, "utf32_unicode_ci"),
    (161, "utf32_icelandic_ci"),
    (162, "utf32_latvian_ci"),
    (163, "utf32_romanian_ci"),
    (164, "utf32_slovenian_ci"),
    (165, "utf32_polish_ci"),
    (166, "utf32_estonian_ci"),
    (167, "utf32_spanish_ci"),
    (168, "utf32_swedish_ci"),
    (169, "utf32_turkish_ci"),
    (170, "utf32_czech_ci"),
    (171, "utf32_danish_ci"),
    (172, "utf32_lithuanian_ci"),
    (173, "utf32_slovak_ci"),
    (174, "utf32_spanish2_ci"),
    (175, "utf32_roman_ci"),
    (176, "utf32_persian_ci"),
    (177, "utf32_esperanto_ci"),
    (178, "utf32_hungarian_ci"),
    (179, "utf32_sinhala_ci"),
    (180, "utf32_german2_ci"),
    (181, "utf32_croatian_mysql561_ci"),
    (182, "utf32_unicode_520_ci"),
    (183, "utf32_vietnamese_ci"),
    (192, "utf8mb3_unicode_ci"),
    (193, "utf8mb3_icelandic_ci"),
    (194, "utf8mb3_latvian_ci"),
    (195, "utf8mb3_romanian_ci"),
    (196, "utf8mb3_slovenian_ci"),
    (197, "utf8mb3_polish_ci"),
    (198, "utf8mb3_estonian_ci"),
    (199, "utf8mb3_spanish_ci"),
    (200, "utf8mb3_swedish_ci"),
    (201, "utf8mb3_turkish_ci"),
    (202, "utf8mb3_czech_ci"),
    (203, "utf8mb3_danish_ci"),
    (204, "utf8mb3_lithuanian_ci"),
    (205, "utf8mb3_slovak_ci"),
    (206, "utf8mb3_spanish2_ci"),
    (207, "utf8mb3_roman_ci"),
    (208, "utf8mb3_persian_ci"),
    (209, "utf8mb3_esperanto_ci"),
    (210, "utf8mb3_hungarian_ci"),
    (211, "utf8mb3_sinhala_ci"),
    (212, "utf8mb3_german2_ci"),
    (213, "utf8mb3_croatian_mysql561_ci"),
    (214, "utf8mb3_unicode_520_ci"),
    (215, "utf8mb3_vietnamese_ci"),
    (223, "utf8mb3_general_mysql500_ci"),
    (224, "utf8mb4_unicode_ci"),
    (225, "utf8mb4_icelandic_ci"),
    (226, "utf8mb4_latvian_ci"),
    (227, "utf8mb4_romanian_ci"),
    (228, "utf8mb4_slovenian_ci"),
    (229, "utf8mb4_polish_ci"),
    (230, "utf8mb4_estonian_ci"),
    (231, "utf8mb4_spanish_ci"),
    (232, "utf8mb4_swedish_ci"),
    (233, "utf8mb4_turkish_ci"),
    (234, "utf8mb4_czech_ci"),
    (235, "utf8mb4_danish_ci"),
    (236, "utf8mb4_lithuanian_ci"),
    (237, "utf8mb4_slovak_ci"),
    (238, "utf8mb4_spanish2_ci"),
    (239, "utf8mb4_roman_ci"),
    (240, "utf8mb4_persian_ci"),
    (241, "utf8mb4_esperanto_ci"),
    (242, "utf8mb4_hungarian_ci"),
    (243, "utf8mb4_sinhala_ci"),
    (244, "utf8mb4_german2_ci"),
    (245, "utf8mb4_croatian_mysql561_ci"),
    (246, "utf8mb4_unicode_520_ci"),
    (247, "utf8mb4_vietnamese_ci"),
    (255, "utf8mb4_0900_ai_ci"),
    (256, "utf8mb4_de_pb_0900_ai_ci"),
    (257, "utf8mb4_is_0900_ai_ci"),
    (258, "utf8mb4_lv_0900_ai_ci"),
    (259, "utf8mb4_ro_0900_ai_ci"),
    (260, "utf8mb4_sl_0900_ai_ci"),
    (261, "utf8mb4_pl_0900_ai_ci"),
    (262, "utf8mb4_et_0900_ai_ci"),
    (263, "utf8mb4_es_0900_ai_ci"),
    (264, "utf8mb4_sv_0900_ai_ci"),
    (265, "utf8mb4_tr_0900_ai_ci"),
    (266, "utf8mb4_cs_0900_ai_ci"),
    (267, "utf8mb4_da_0900_ai_ci"),
    (268, "utf8mb4_lt_0900_ai_ci"),
    (269, "utf8mb4_sk_0900_ai_ci"),
    (270, "utf8mb4_es_trad_0900_ai_ci"),
    (271, "utf8mb4_la_0900_ai_ci"),
    (273, "utf8mb4_eo_0900_ai_ci"),
    (274, "utf8mb4_hu_0900_ai_ci"),
    (275, "utf8mb4_hr_0900_ai_ci"),
    (277, "utf8mb4_vi_0900_ai_ci"),
    (278, "utf8mb4_0900_as_cs"),
    (279, "utf8mb4_de_pb_0900_as_cs"),
    (280, "utf8mb4_is_0900_as_cs"),
    (281, "utf8mb4_lv_0900_as_cs"),
    (282, "utf8mb4_ro_0900_as_cs"),
    (283, "utf8mb4_sl_0900_as_cs"),
    (284, "utf8mb4_pl_0900_as_cs"),
    (285, "utf8mb4_et_0900_as_cs"),
    (286, "utf8mb4_es_0900_as_cs"),
    (287, "utf8mb4_sv_0900_as_cs"),
    (288, "utf8mb4_tr_0900_as_cs"),
    (289, "utf8mb4_cs_0900_as_cs"),
    (290, "utf8mb4_da_0900_as_cs"),
    (291, "utf8mb4_lt_0900_as_cs"),
    (292, "utf8mb4_sk_0900_as_cs"),
    (293, "utf8mb4_es_trad_0900_as_cs"),
    (294, "utf8mb4_la_0900_as_cs"),
    (296, "utf8mb4_eo_0900_as_cs"),
    (297, "utf8mb4_hu_0900_as_cs"),
    (298, "utf8mb4_hr_0900_as_cs"),
    (300, "utf8mb4_vi_0900_as_cs"),
    (305, "utf8mb4_0900_as_ci"),
    (309, "utf8mb4_0900_bin"),
    (576, "utf8mb3_croatian_ci"),
    (577, "utf8mb3_myanmar_ci"),
    (578, "utf8mb3_thai_520_w2"),
    (608, "utf8mb4_croatian_ci"),
    (609, "utf8mb4_myanmar_ci"),
    (610, "utf8mb4_thai_520_w2"),
    (640, "ucs2_croatian_ci"),
    (641, "ucs2_myanmar_ci"),
    (642, "ucs2_thai_520_w2"),
    (672, "utf16_croatian_ci"),
    (673, "utf16_myanmar_ci"),
    (674, "utf16_thai_520_w2"),
    (736, "utf32_croatian_ci"),
    (737, "utf32_myanmar_ci"),
    (738, "utf32_thai_520_w2"),
    (1025, "big5_chinese_nopad_ci"),
    (1027, "dec8_swedish_nopad_ci"),
    (1028, "cp850_general_nopad_ci"),
    (1030, "hp8_english_nopad_ci"),
    (1031, "koi8r_general_nopad_ci"),
    (1032, "latin1_swedish_nopad_ci"),
    (1033, "latin2_general_nopad_ci"),
    (1034, "swe7_swedish_nopad_ci"),
    (1035, "ascii_general_nopad_ci"),
    (1036, "ujis_japanese_nopad_ci"),
    (1037, "sjis_japanese_nopad_ci"),
    (1040, "hebrew_general_nopad_ci"),
    (1042, "tis620_thai_nopad_ci"),
    (1043, "euckr_korean_nopad_ci"),
    (1046, "koi8u_general_nopad_ci"),
    (1048, "gb2312_chinese_nopad_ci"),
    (1049, "greek_general_nopad_ci"),
    (1050, "cp1250_general_nopad_ci"),
    (1052, "gbk_chinese_nopad_ci"),
    (1054, "latin5_turkish_nopad_ci"),
    (1056, "armscii8_general_nopad_ci"),
    (1057, "utf8mb3_general_nopad_ci"),
    (1059, "ucs2_general_nopad_ci"),
    (1060, "cp866_general_nopad_ci"),
    (1061, "keybcs2_general_nopad_ci"),
    (1062, "macce_general_nopad_ci"),
    (1063, "macroman_general_nopad_ci"),
    (1064, "cp852_general_nopad_ci"),
    (1065, "latin7_general_nopad_ci"),
    (1067, "macce_nopad_bin"),
    (1069, "utf8mb4_general_nopad_ci"),
    (1070, "utf8mb4_nopad_bin"),
    (1071, "latin1_nopad_bin"),
    (1074, "cp1251_nopad_bin"),
    (1075, "cp1251_general_nopad_ci"),
    (1077, "macroman_nopad_bin"),
    (1078, "utf16_general_nopad_ci"),
    (1079, "utf16_nopad_bin"),
    (1080, "utf16le_general_nopad_ci"),
    (1081, "cp1256_general_nopad_ci"),
    (1082, "cp1257_nopad_bin"),
    (1083, "cp1257_general_nopad_ci"),
    (1084, "utf32_general_nopad_ci"),
    (1085, "utf32_nopad_bin"),
    (1086, "utf16le_nopad_bin"),
    (1088, "armscii8_nopad_bin"),
    (1089, "ascii_nopad_bin"),
    (1090, "cp1250_nopad_bin"),
    (1091, "cp1256_nopad_bin"),
    (1092, "cp866_nopad_bin"),
    (1093, "dec8_nopad_bin"),
    (1094, "greek_nopad_bin"),
    (1095, "hebrew_nopad_bin"),
    (1096, "hp8_nopad_bin"),
    (1097, "keybcs2_nopad_bin"),
    (1098, "koi8r_nopad_bin"),
    (1099, "koi8u_nopad_bin"),
    (1101, "latin2_nopad_bin"),
    (1102, "latin5_nopad_bin"),
    (1103, "latin7_nopad_bin"),
    (1104, "cp850_nopad_bin"),
    (1105, "cp852_nopad_bin"),
    (1106, "swe7_nopad_bin"),
    (1107, "utf8mb3_nopad_bin"),
    (1108, "big5_nopad_bin"),
    (1109, "euckr_nopad_bin"),
    (1110, "gb2312_nopad_bin"),
    (1111, "gbk_nopad_bin"),
    (1112, "sjis_nopad_bin"),
    (1113, "tis620_nopad_bin"),
    (1114, "ucs2_nopad_bin"),
    (1115, "ujis_nopad_bin"),
    (1116, "geostd8_general_nopad_ci"),
    (1117, "geostd8_nopad_bin"),
    (1119, "cp932_japanese_nopad_ci"),
    (1120, "cp932_nopad_bin"),
    (1121, "eucjpms_japanese_nopad_ci"),
    (1122, "eucjpms_nopad_bin"),
    (1125, "utf16_unicode_nopad_ci"),
    (1147, "utf16_unicode_520_nopad_ci"),
    (1152, "ucs2_unicode_nopad_ci"),
    (1174, "ucs2_unicode_520_nopad_ci"),
    (1184, "utf32_unicode_nopad_ci"),
    (1206, "utf32_unicode_520_nopad_ci"),
    (1216, "utf8mb3_unicode_nopad_ci"),
    (1238, "utf8mb3_unicode_520_nopad_ci"),
    (1248, "utf8mb4_unicode_nopad_ci"),
    (1270, "utf8mb4_unicode_520_nopad_ci"),
    (2048, "utf8mb3_uca1400_ai_ci"),
    (2049, "utf8mb3_uca1400_ai_cs"),
    (2050, "utf8mb3_uca1400_as_ci"),
    (2051, "utf8mb3_uca1400_as_cs"),
    (2052, "utf8mb3_uca1400_nopad_ai_ci"),
    (2053, "utf8mb3_uca1400_nopad_ai_cs"),
    (2054, "utf8mb3_uca1400_nopad_as_ci"),
    (2055, "utf8mb3_uca1400_nopad_as_cs"),
    (2056, "utf8mb3_uca1400_icelandic_ai_ci"),
    (2057, "utf8mb3_uca1400_icelandic_ai_cs"),
    (2058, "utf8mb3_uca1400_icelandic_as_ci"),
    (2059, "utf8mb3_uca1400_icelandic_as_cs"),
    (2060, "utf8mb3_uca1400_icelandic_nopad_ai_ci"),
    (2061, "utf8mb3_uca1400_icelandic_nopad_ai_cs"),
    (2062, "utf8mb3_uca1400_icelandic_nopad_as_ci"),
    (2063, "utf8mb3_uca1400_icelandic_nopad_as_cs"),
    (2064, "utf8mb3_uca1400_latvian_ai_ci"),
    (2065, "utf8mb3_uca1400_latvian_ai_cs"),
    (2066, "utf8mb3_uca1400_latvian_as_ci"),
    (2067, "utf8mb3_uca1400_latvian_as_cs"),
    (2068, "utf8mb3_uca1400_latvian_nopad_ai_ci"),
    (2069, "utf8mb3_uca1400_latvian_nopad_ai_cs"),
    (2070, "utf8mb3_uca1400_latvian_nopad_as_ci"),
    (2071, "utf8mb3_uca1400_latvian_nopad_as_cs"),
    (2072, "utf8mb3_uca1400_romanian_ai_ci"),
    (2073, "utf8mb3_uca1400_romanian_ai_cs"),
    (2074, "utf8mb3_uca1400_romanian_as_ci"),
    (2075, "utf8mb3_uca1400_romanian_as_cs"),
    (2076, "utf8mb3_uca1400_romanian_nopad_ai_ci"),
    (2077, "utf8mb3_uca1400_romanian_nopad_ai_cs"),
    (2078, "utf8mb3_uca1400_romanian_nopad_as_ci"),
    (2079, "utf8mb3_uca1400_romanian_nopad_as_cs"),
    (2080, "utf8mb3_uca1400_slovenian_ai_ci"),
    (2081, "utf8mb3_uca1400_slovenian_ai_cs"),
    (2082, "utf8mb3_uca1400_slovenian_as_ci"),
    (2083, "utf8mb3_uca1400_slovenian_as_cs"),
    (2084, "utf8mb3_uca1400_slovenian_nopad_ai_ci"),
    (2085, "utf8mb3_uca1400_slovenian_nopad_ai_cs"),
    (2086, "utf8mb3_uca1400_slovenian_nopad_as_ci"),
    (2087, "utf8mb3_uca1400_slovenian_nopad_as_cs"),
    (2088, "utf8mb3_uca1400_polish_ai_ci"),
    (2089, "utf8mb3_uca1400_polish_ai_cs"),
    (2090, "utf8mb3_uca1400_polish_as_ci"),
    (2091, "utf8mb3_uca1400_polish_as_cs"),
    (2092, "utf8mb3_uca1400_polish_nopad_ai_ci"),
    (2093, "utf8mb3_uca1400_polish_nopad_ai_cs"),
    (2094, "utf8mb3_uca1400_polish_nopad_as_ci"),
    (2095, "utf8mb3_uca1400_polish_nopad_as_cs"),
    (2096, "utf8mb3_uca1400_estonian_ai_ci"),
    (2097, "utf8mb3_uca1400_estonian_ai_cs"),
    (2098, "utf8mb3_uca1400_estonian_as_ci"),
    (2099, "utf8mb3_uca1400_estonian_as_cs"),
    (2100, "utf8mb3_uca1400_estonian_nopad_ai_ci"),
    (2101, "utf8mb3_uca1400_estonian_nopad_ai_cs"),
    (2102, "utf8mb3_uca1400_estonian_nopad_as_ci"),
    (2103, "utf8mb3_uca1400_estonian_nopad_as_cs"),
    (2104, "utf8mb3_uca1400_spanish_ai_ci"),
    (2105, "utf8mb3_uca1400_spanish_ai_cs"),
    (2106, "utf8mb3_uca1400_spanish_as_ci"),
    (2107, "utf8mb3_uca1400_spanish_as_cs"),
    (2108, "utf8mb3_uca1400_spanish_nopad_ai_ci"),
    (2109, "utf8mb3_uca1400_spanish_nopad_ai_cs"),
    (2110, "utf8mb3_uca1400_spanish_nopad_as_ci"),
    (2111, "utf8mb3_uca1400_spanish_nopad_as_cs"),
    (2112, "utf8mb3_uca1400_swedish_ai_ci"),
    (2113, "utf8mb3_uca1400_swedish_ai_cs"),
    (2114, "utf8mb3_uca1400_swedish_as_ci"),
    (2115, "utf8mb3_uca1400_swedish_as_cs"),
    (2116, "utf8mb3_uca1400_swedish_nopad_ai_ci"),
    (2117, "utf8mb3_uca1400_swedish_nopad_ai_cs"),
    (2118, "utf8mb3_uca1400_swedish_nopad_as_ci"),
    (2119, "utf8mb3_uca1400_swedish_nopad_as_cs"),
    (2120, "utf8mb3_uca1400_turkish_ai_ci"),
    (2121, "utf8mb3_uca1400_turkish_ai_cs"),
    (2122, "utf8mb3_uca1400_turkish_as_ci"),
    (2123, "utf8mb3_uca1400_turkish_as_cs"),
    (2124, "utf8mb3_uca1400_turkish_nopad_ai_ci"),
    (2125, "utf8mb3_uca1400_turkish_nopad_ai_cs"),
    (2126, "utf8mb3_uca1400_turkish_nopad_as_ci"),
    (2127, "utf8mb3_uca1400_turkish_nopad_as_cs"),
    (2128, "utf8mb3_uca1400_czech_ai_ci"),
    (2129, "utf8mb3_uca1400_czech_ai_cs"),
    (2130, "utf8mb3_uca1400_czech_as_ci"),
    (2131, "utf8mb3_uca1400_czech_as_cs"),
    (2132, "utf8mb3_uca1400_czech_nopad_ai_ci"),
    (2133, "utf8mb3_uca1400_czech_nopad_ai_cs"),
    (2134, "utf8mb3_uca1400_czech_nopad_as_ci"),
    (2135, "utf8mb3_uca1400_czech_nopad_as_cs"),
    (2136, "utf8mb3_uca1400_danish_ai_ci"),
    (2137, "utf8mb3_uca1400_danish_ai_cs"),
    (2138, "utf8mb3_uca1400_danish_as_ci"),
    (2139, "utf8mb3_uca1400_danish_as_cs"),
    (2140, "utf8mb3_uca1400_danish_nopad_ai_ci"),
    (2141, "utf8mb3_uca1400_danish_nopad_ai_cs"),
    (2142, "utf8mb3_uca1400_danish_nopad_as_ci"),
    (2143, "utf8mb3_uca1400_danish_nopad_as_cs"),
    (2144, "utf8mb3_uca1400_lithuanian_ai_ci"),
    (2145, "utf8mb3_uca1400_lithuanian_ai_cs"),
    (2146, "utf8mb3_uca1400_lithuanian_as_ci"),
    (2147, "utf8mb3_uca1400_lithuanian_as_cs"),
    (2148, "utf8mb3_uca1400_lithuanian_nopad_ai_ci"),
    (2149, "utf8mb3_uca1400_lithuanian_nopad_ai_cs"),
    (2150, "utf8mb3_uca1400_lithuanian_nopad_as_ci"),
    (2151, "utf8mb3_uca1400_lithuanian_nopad_as_cs"),
    (2152, "utf8mb3_uca1400_slovak_ai_ci"),
    (2153, "utf8mb3_uca1400_slovak_ai_cs"),
    (2154, "utf8mb3_uca1400_slovak_as_ci"),
    (2155, "utf8mb3_uca1400_slovak_as_cs"),
    (2156, "utf8mb3_uca1400_slovak_nopad_ai_ci"),
    (2157, "utf8mb3_uca1400_slovak_nopad_ai_cs"),
    (2158, "utf8mb3_uca1400_slovak_nopad_as_ci"),
    (2159, "utf8mb3_uca1400_slovak_nopad_as_cs"),
    (2160, "utf8mb3_uca1400_spanish2_ai_ci"),
    (2161, "utf8mb3_uca1400_spanish2_ai_cs"),
    (2162, "utf8mb3_uca1400_spanish2_as_ci"),
    (2163, "utf8mb3_uca1400_spanish2_as_cs"),
    (2164, "utf8mb3_uca1400_spanish2_nopad_ai_ci"),
    (2165, "utf8mb3_uca1400_spanish2_nopad_ai_cs"),
    (2166, "utf8mb3_uca1400_spanish2_nopad_as_ci"),
    (2167, "utf8mb3_uca1400_spanish2_nopad_as_cs"),
    (2168, "utf8mb3_uca1400_roman_ai_ci"),
    (2169, "utf8mb3_uca1400_roman_ai_cs"),
    (2170, "utf8mb3_uca1400_roman_as_ci"),
    (2171, "utf8mb3_uca1400_roman_as_cs"),
    (2172, "utf8mb3_uca1400_roman_nopad_ai_ci"),
    (2173, "utf8mb3_uca1400_roman_nopad_ai_cs"),
    (2174, "utf8mb3_uca1400_roman_nopad_as_ci"),
    (2175, "utf8mb3_uca1400_roman_nopad_as_cs"),
    (2176, "utf8mb3_uca1400_persian_ai_ci"),
    (2177, "utf8mb3_uca1400_persian_ai_cs"),
    (2178, "utf8mb3_uca1400_persian_as_ci"),
    (2179, "utf8mb3_uca1400_persian_as_cs"),
    (2180, "utf8mb3_uca1400_persian_nopad_ai_ci"),
    (2181, "utf8mb3_uca1400_persian_nopad_ai_cs"),
    (2182, "utf8mb3_uca1400_persian_nopad_as_ci"),
    (2183, "utf8mb3_uca1400_persian_nopad_as_cs"),
    (2184, "utf8mb3_uca1400_esperanto_ai_ci"),
    (2185, "utf8mb3_uca1400_esperanto_ai_cs"),
    (2186, "utf8mb3_uca1400_esperanto_as_ci"),
    (2187, "utf8mb3_uca1400_esperanto_as_cs"),
    (2188, "utf8mb3_uca1400_esperanto_nopad_ai_ci"),
    (2189, "utf8mb3_uca1400_esperanto_nopad_ai_cs"),
    (2190, "utf8mb3_uca1400_esperanto_nopad_as_ci"),
    (2191, "utf8mb3_uca1400_esperanto_nopad_as_cs"),
    (2192, "utf8mb3_uca1400_hungarian_ai_ci"),
    (2193, "utf8mb3_uca1400_hungarian_ai_cs"),
    (2194, "utf8mb3_uca1400_hungarian_as_ci"),
    (2195, "utf8mb3_uca1400_hungarian_as_cs"),
    (2196, "utf8mb3_uca1400_hungarian_nopad_ai_ci"),
    (2197, "utf8mb3_uca1400_hungarian_nopad_ai_cs"),
    (2198, "utf8mb3_uca1400_hungarian_nopad_as_ci"),
    (2199, "utf8mb3_uca1400_hungarian_nopad_as_cs"),
    (2200, "utf8mb3_uca1400_sinhala_ai_ci"),
    (2201, "utf8mb3_uca1400_sinhala_ai_cs"),
    (2202, "utf8mb3_uca1400_sinhala_as_ci"),
    (2203, "utf8mb3_uca1400_sinhala_as_cs"),
    (2204, "utf8mb3_uca1400_sinhala_nopad_ai_ci"),
    (2205, "utf8mb3_uca1400_sinhala_nopad_ai_cs"),
    (2206, "utf8mb3_uca1400_sinhala_nopad_as_ci"),
    (2207, "utf8mb3_uca1400_sinhala_nopad_as_cs"),
    (2208, "utf8mb3_uca1400_german2_ai_ci"),
    (2209, "utf8mb3_uca1400_german2_ai_cs"),
    (2210, "utf8mb3_uca1400_german2_as_ci"),
    (2211, "utf8mb3_uca1400_german2_as_cs"),
    (2212, "utf8mb3_uca1400_german2_nopad_ai_ci"),
    (2213, "utf8mb3_uca1400_german2_nopad_ai_cs"),
    (2214, "utf8mb3_uca1400_german2_nopad_as_ci"),
    (2215, "utf8mb3_uca1400_german2_nopad_as_cs"),
    (2232, "utf8mb3_uca1400_vietnamese_ai_ci"),
    (2233, "utf8mb3_uca1400_vietnamese_ai_cs"),
    (2234, "utf8mb3_uca1400_vietnamese_as_ci"),
    (2235, "utf8mb3_uca1400_vietnamese_as_cs"),
    (2236, "utf8mb3_uca1400_vietnamese_nopad_ai_ci"),
    (2237, "utf8mb3_uca1400_vietnamese_nopad_ai_cs"),
    (2238, "utf8mb3_uca1400_vietnamese_nopad_as_ci"),
    (2239, "utf8mb3_uca1400_vietnamese_nopad_as_cs"),
    (2240, "utf8mb3_uca1400_croatian_ai_ci"),
    (2241, "utf8mb3_uca1400_croatian_ai_cs"),
    (2242, "utf8mb3_uca1400_croatian_as_ci"),
    (2243, "utf8mb3_uca1400_croatian_as_cs"),
    (2244, "utf8mb3_uca1400_croatian_nopad_ai_ci"),
    (2245, "utf8mb3_uca1400_croatian_nopad_ai_cs"),
    (2246, "utf8mb3_uca1400_croatian_nopad_as_ci"),
    (2247, "utf8mb3_uca1400_croatian_nopad_as_cs"),
    (2304, "utf8mb4_uca1400_ai_ci"),
    (2305, "utf8mb4_uca1400_ai_cs"),
    (2306, "utf8mb4_uca1400_as_ci"),
    (2307, "utf8mb4_uca1400_as_cs"),
    (2308, "utf8mb4_uca1400_nopad_ai_ci"),
    (2309, "utf8mb4_uca1400_nopad_ai_cs"),
    (2310, "utf8mb4_uca1400_nopad_as_ci"),
    (2311, "utf8mb4_uca1400_nopad_as_cs"),
    (2312, "utf8mb4_uca1400_icelandic_ai_ci"),
    (2313, "utf8mb4_uca1400_icelandic_ai_cs"),
    (2314, "utf8mb4_uca1400_icelandic_as_ci"),
    (2315, "utf8mb4_uca1400_icelandic_as_cs"),
    (2316, "utf8mb4_uca1400_icelandic_nopad_ai_ci"),
    (2317, "utf8mb4_uca1400_icelandic_nopad_ai_cs"),
    (2318, "utf8mb4_uca1400_icelandic_nopad_as_ci"),
    (2319, "utf8mb4_uca1400_icelandic_nopad_as_cs"),
    (2320, "utf8mb4_uca1400_latvian_ai_ci"),
    (2321, "utf8mb4_uca1400_latvian_ai_cs"),
    (2322, "utf8mb4_uca1400_latvian_as_ci"),
    (2323, "utf8mb4_uca1400_latvian_as_cs"),
    (2324, "utf8mb4_uca1400_latvian_nopad_ai_ci"),
    (2325, "utf8mb4_uca1400_latvian_nopad_ai_cs"),
    (2326, "utf8mb4_uca1400_latvian_nopad_as_ci"),
    (2327, "utf8mb4_uca1400_latvian_nopad_as_cs"),
    (2328, "utf8mb4_uca1400_romanian_ai_ci"),
    (2329, "utf8mb4_uca1400_romanian_ai_cs"),
    (2330, "utf8mb4_uca1400_romanian_as_ci"),
    (2331, "utf8mb4_uca1400_romanian_as_cs"),
    (2332, "utf8mb4_uca1400_romanian_nopad_ai_ci"),
    (2333, "utf8mb4_uca1400_romanian_nopad_ai_cs"),
    (2334, "utf8mb4_uca1400_romanian_nopad_as_ci"),
    (2335, "utf8mb4_uca1400_romanian_nopad_as_cs"),
    (2336, "utf8mb4_uca1400_slovenian_ai_ci"),
    (2337, "utf8mb4_uca1400_slovenian_ai_cs"),
    (2338, "utf8mb4_uca1400_slovenian_as_ci"),
    (2339, "utf8mb4_uca1400_slovenian_as_cs"),
    (2340, "utf8mb4_uca1400_slovenian_nopad_ai_ci"),
    (2341, "utf8mb4_uca1400_slovenian_nopad_ai_cs"),
    (2342, "utf8mb4_uca1400_slovenian_nopad_as_ci"),
    (2343, "utf8mb4_uca1400_slovenian_nopad_as_cs"),
    (2344, "utf8mb4_uca1400_polish_ai_ci"),
    (2345, "utf8mb4_uca1400_polish_ai_cs"),
    (2346, "utf8mb4_uca1400_polish_as_ci"),
    (2347, "utf8mb4_uca1400_polish_as_cs"),
    (2348, "utf8mb4_uca1400_polish_nopad_ai_ci"),
    (2349, "utf8mb4_uca1400_polish_nopad_ai_cs"),
    (2350, "utf8mb4_uca1400_polish_nopad_as_ci"),
    (2351, "utf8mb4_uca1400_polish_nopad_as_cs"),
    (2352, "utf8mb4_uca1400_estonian_ai_ci"),
    (2353, "utf8mb4_uca1400_estonian_ai_cs"),
    (2354, "utf8mb4_uca1400_estonian_as_ci"),
    (2355, "utf8mb4_uca1400_estonian_as_cs"),
    (2356, "utf8mb4_uca1400_estonian_nopad_ai_ci"),
    (2357, "utf8mb4_uca1400_estonian_nopad_ai_cs"),
    (2358, "utf8mb4_uca1400_estonian_nopad_as_ci"),
    (2359, "utf8mb4_uca1400_estonian_nopad_as_cs"),
    (2360, "utf8mb4_uca1400_spanish_ai_ci"),
    (2361, "utf8mb4_uca1400_spanish_ai_cs"),
    (2362, "utf8mb4_uca1400_spanish_as_ci"),
    (2363, "utf8mb4_uca1400_spanish_as_cs"),
    (2364, "utf8mb4_uca1400_spanish_nopad_ai_ci"),
    (2365, "utf8mb4_uca1400_spanish_nopad_ai_cs"),
    (2366, "utf8mb4_uca1400_spanish_nopad_as_ci"),
    (2367, "utf8mb4_uca1400_spanish_nopad_as_cs"),
    (2368, "utf8mb4_uca1400_swedish_ai_ci"),
    (2369, "utf8mb4_uca1400_swedish_ai_cs"),
    (2370, "utf8mb4_uca1400_swedish_as_ci"),
    (2371, "utf8mb4_uca1400_swedish_as_cs"),
    (2372, "utf8mb4_uca1400_swedish_nopad_ai_ci"),
    (2373, "utf8mb4_uca1400_swedish_nopad_ai_cs"),
    (2374, "utf8mb4_uca1400_swedish_nopad_as_ci"),
    (2375, "utf8mb4_uca1400_swedish_nopad_as_cs"),
    (2376, "utf8mb4_uca1400_turkish_ai_ci"),
    (2377, "utf8mb4_uca1400_turkish_ai_cs"),
    (2378, "utf8mb4_uca1400_turkish_as_ci"),
    (2379, "utf8mb4_uca1400_turkish_as_cs"),
    (2380, "utf8mb4_uca1400_turkish_nopad_ai_ci"),
    (2381, "utf8mb4_uca1400_turkish_nopad_ai_cs"),
    (2382, "utf8mb4_uca1400_turkish_nopad_as_ci"),
    (2383, "utf8mb4_uca1400_turkish_nopad_as_cs"),
    (2384, "utf8mb4_uca1400_czech_ai_ci"),
    (2385, "utf8mb4_uca1400_czech_ai_cs"),
    (2386, "utf8mb4_uca1400_czech_as_ci"),
    (2387, "utf8mb4_uca1400_czech_as_cs"),
    (2388, "utf8mb4_uca1400_czech_nopad_ai_ci"),
    (2389, "utf8mb4_uca1400_czech_nopad_ai_cs"),
    (2390, "utf8mb4_uca1400_czech_nopad_as_ci"),
    (2391, "utf8mb4_uca1400_czech_nopad_as_cs"),
    (2392, "utf8mb4_uca1400_danish_ai_ci"),
    (2393, "utf8mb4_uca1400_danish_ai_cs"),
    (2394, "utf8mb4_uca1400_danish_as_ci"),
    (2395, "utf8mb4_uca1400_danish_as_cs"),
    (2396, "utf8mb4_uca1400_danish_nopad_ai_ci"),
    (2397, "utf8mb4_uca1400_danish_nopad_ai_cs"),
    (2398, "utf8mb4_uca1400_danish_nopad_as_ci"),
    (2399, "utf8mb4_uca1400_danish_nopad_as_cs"),
    (2400, "utf8mb4_uca1400_lithuanian_ai_ci"),
    (2401, "utf8mb4_uca1400_lithuanian_ai_cs"),
    (2402, "utf8mb4_uca1400_lithuanian_as_ci"),
    (2403, "utf8mb4_uca1400_lithuanian_as_cs"),
    (2404, "utf8mb4_uca1400_lithuanian_nopad_ai_ci"),
    (2405, "utf8mb4_uca1400_lithuanian_nopad_ai_cs"),
    (2406, "utf8mb4_uca1400_lithuanian_nopad_as_ci"),
    (2407, "utf8mb4_uca1400_lithuanian_nopad_as_cs"),
    (2408, "utf8mb4_uca1400_slovak_ai_ci"),
    (2409, "utf8mb4_uca1400_slovak_ai_cs"),
    (2410, "utf8mb4_uca1400_slovak_as_ci"),
    (2411, "utf8mb4_uca1400_slovak_as_cs"),
    (2412, "utf8mb4_uca1400_slovak_nopad_ai_ci"),
    (2413, "utf8mb4_uca1400_slovak_nopad_ai_cs"),
    (2414, "utf8mb4_uca1400_slovak_nopad_as_ci"),
    (2415, "utf8mb4_uca1400_slovak_nopad_as_cs"),
    (2416, "utf8mb4_uca1400_spanish2_ai_ci"),
    (2417, "utf8mb4_uca1400_spanish2_ai_cs"),
    (2418, "utf8mb4_uca1400_spanish2_as_ci"),
    (2419, "utf8mb4_uca1400_spanish2_as_cs"),
    (2420, "utf8mb4_uca1400_spanish2_nopad_ai_ci"),
    (2421, "utf8mb4_uca1400_spanish2_nopad_ai_cs"),
    (2422, "utf8mb4_uca1400_spanish2_nopad_as_ci"),
    (2423, "utf8mb4_uca1400_spanish2_nopad_as_cs"),
    (2424, "utf8mb4_uca1400_roman_ai_ci"),
    (2425, "utf8mb4_uca1400_roman_ai_cs"),
    (2426, "utf8mb4_uca1400_roman_as_ci"),
    (2427, "utf8mb4_uca1400_roman_as_cs"),
    (2428, "utf8mb4_uca1400_roman_nopad_ai_ci"),
    (2429, "utf8mb4_uca1400_roman_nopad_ai_cs"),
    (2430, "utf8mb4_uca1400_roman_nopad_as_ci"),
    (2431, "utf8mb4_uca1400_roman_nopad_as_cs"),
    (2432, "utf8mb4_uca1400_persian_ai_ci"),
    (2433, "utf8mb4_uca1400_persian_ai_cs"),
    (2434, "utf8mb4_uca1400_persian_as_ci"),
    (2435, "utf8mb4_uca1400_persian_as_cs"),
    (2436, "utf8mb4_uca1400_persian_nopad_ai_ci"),
    (2437, "utf8mb4_uca1400_persian_nopad_ai_cs"),
    (2438, "utf8mb4_uca1400_persian_nopad_as_ci"),
    (2439, "utf8mb4_uca1400_persian_nopad_as_cs"),
    (2440, "utf8mb4_uca1400_esperanto_ai_ci"),
    (2441, "utf8mb4_uca1400_esperanto_ai_cs"),
    (2442, "utf8mb4_uca1400_esperanto_as_ci"),
    (2443, "utf8mb4_uca1400_esperanto_as_cs"),
    (2444, "utf8mb4_uca1400_esperanto_nopad_ai_ci"),
    (2445, "utf8mb4_uca1400_esperanto_nopad_ai_cs"),
    (2446, "utf8mb4_uca1400_esperanto_nopad_as_ci"),
    (2447, "utf8mb4_uca1400_esperanto_nopad_as_cs"),
    (2448, "utf8mb4_uca1400_hungarian_ai_ci"),
    (2449, "utf8mb4_uca1400_hungarian_ai_cs"),
    (2450, "utf8mb4_uca1400_hungarian_as_ci"),
    (2451, "utf8mb4_uca1400_hungarian_as_cs"),
    (2452, "utf8mb4_uca1400_hungarian_nopad_ai_ci"),
    (2453, "utf8mb4_uca1400_hungarian_nopad_ai_cs"),
    (2454, "utf8mb4_uca1400_hungarian_nopad_as_ci"),
    (2455, "utf8mb4_uca1400_hungarian_nopad_as_cs"),
    (2456, "utf8mb4_uca1400_sinhala_ai_ci"),
    (2457, "utf8mb4_uca1400_sinhala_ai_cs"),
    (2458, "utf8mb4_uca1400_sinhala_as_ci"),
    (2459, "utf8mb4_uca1400_sinhala_as_cs"),
    (2460, "utf8mb4_uca1400_sinhala_nopad_ai_ci"),
    (2461, "utf8mb4_uca1400_sinhala_nopad_ai_cs"),
    (2462, "utf8mb4_uca1400_sinhala_nopad_as_ci"),
    (2463, "utf8mb4_uca1400_sinhala_nopad_as_cs"),
    (2464, "utf8mb4_uca1400_german2_ai_ci"),
    (2465, "utf8mb4_uca1400_german2_ai_cs"),
    (2466, "utf8mb4_uca1400_german2_as_ci"),
    (2467, "utf8mb4_uca1400_german2_as_cs"),
    (2468, "utf8mb4_uca1400_german2_nopad_ai_ci"),
    (2469, "utf8mb4_uca1400_german2_nopad_ai_cs"),
    (2470, "utf8mb4_uca1400_german2_nopad_as_ci"),
    (2471, "utf8mb4_uca1400_german2_nopad_as_cs"),
    (2488, "utf8mb4_uca1400_vietnamese_ai_ci"),
    (2489, "utf8mb4_uca1400_vietnamese_ai_cs"),
    (2490, "utf8mb4_uca1400_vietnamese_as_ci"),
    (2491, "utf8mb4_uca1400_vietnamese_as_cs"),
    (2492, "utf8mb4_uca1400_vietnamese_nopad_ai_ci"),
    (2493, "utf8mb4_uca1400_vietnamese_nopad_ai_cs"),
    (2494, "utf8mb4_uca1400_vietnamese_nopad_as_ci"),
    (2495, "utf8mb4_uca1400_vietnamese_nopad_as_cs"),
    (2496, "utf8mb4_uca1400_croatian_ai_ci"),
    (2497, "utf8mb4_uca1400_croatian_ai_cs"),
    (2498, "utf8mb4_uca1400_croatian_as_ci"),
    (2499, "utf8mb4_uca1400_croatian_as_cs"),
    (2500, "utf8mb4_uca1400_croatian_nopad_ai_ci"),
    (2501, "utf8mb4_uca1400_croatian_nopad_ai_cs"),
    (2502, "utf8mb4_uca1400_croatian_nopad_as_ci"),
    (2503, "utf8mb4_uca1400_croatian_nopad_as_cs"),
    (2560, "ucs2_uca1400_ai_ci"),
    (2561, "ucs2_uca1400_ai_cs"),
    (2562, "ucs2_uca1400_as_ci"),
    (2563, "ucs2_uca1400_as_cs"),
    (2564, "ucs2_uca1400_nopad_ai_ci"),
    (2565, "ucs2_uca1400_nopad_ai_cs"),
    (2566, "ucs2_uca1400_nopad_as_ci"),
    (2567, "ucs2_uca1400_nopad_as_cs"),
    (2568, "ucs2_uca1400_icelandic_ai_ci"),
    (2569, "ucs2_uca1400_icelandic_ai_cs"),
    (2570, "ucs2_uca1400_icelandic_as_ci"),
    (2571, "ucs2_uca1400_icelandic_as_cs"),
    (2572, "ucs2_uca1400_icelandic_nopad_ai_ci"),
    (2573, "ucs2_uca1400_icelandic_nopad_ai_cs"),
    (2574, "ucs2_uca1400_icelandic_nopad_as_ci"),
    (2575, "ucs2_uca1400_icelandic_nopad_as_cs"),
    (2576, "ucs2_uca1400_latvian_ai_ci"),
    (2577, "ucs2_uca1400_latvian_ai_cs"),
    (2578, "ucs2_uca1400_latvian_as_ci"),
    (2579, "ucs2_uca1400_latvian_as_cs"),
    (2580, "ucs2_uca1400_latvian_nopad_ai_ci"),
    (2581, "ucs2_uca1400_latvian_nopad_ai_cs"),
    (2582, "ucs2_uca1400_latvian_nopad_as_ci"),
    (2583, "ucs2_uca1400_latvian_nopad_as_cs"),
    (2584, "ucs2_uca1400_romanian_ai_ci"),
    (2585, "ucs2_uca1400_romanian_ai_cs"),
    (2586, "ucs2_uca1400_romanian_as_ci"),
    (2587, "ucs2_uca1400_romanian_as_cs"),
    (2588, "ucs2_uca1400_romanian_nopad_ai_ci"),
    (2589, "ucs2_uca1400_romanian_nopad_ai_cs"),
    (2590, "ucs2_uca1400_romanian_nopad_as_ci"),
    (2591, "ucs2_uca1400_romanian_nopad_as_cs"),
    (2592, "ucs2_uca1400_slovenian_ai_ci"),
    (2593, "ucs2_uca1400_slovenian_ai_cs"),
    (2594, "ucs2_uca1400_slovenian_as_ci"),
    (2595, "ucs2_uca1400_slovenian_as_cs"),
    (2596, "ucs2_uca1400_slovenian_nopad_ai_ci"),
    (2597, "ucs2_uca1400_slovenian_nopad_ai_cs"),
    (2598, "ucs2_uca1400_slovenian_nopad_as_ci"),
    (2599, "ucs2_uca1400_slovenian_nopad_as_cs"),
    (2600, "ucs2_uca1400_polish_ai_ci"),
    (2601, "ucs2_uca1400_polish_ai_cs"),
    (2602, "ucs2_uca1400_polish_as_ci"),
    (2603, "ucs2_uca1400_polish_as_cs"),
    (2604, "ucs2_uca1400_polish_nopad_ai_ci"),
    (2605, "ucs2_uca1400_polish_nopad_ai_cs"),
    (2606, "ucs2_uca1400_polish_nopad_as_ci"),
    (2607, "ucs2_uca1400_polish_nopad_as_cs"),
    (2608, "ucs2_uca1400_estonian_ai_ci"),
    (2609, "ucs2_uca1400_estonian_ai_cs"),
    (2610, "ucs2_uca1400_estonian_as_ci"),
    (2611, "ucs2_uca1400_estonian_as_cs"),
    (2612, "ucs2_uca1400_estonian_nopad_ai_ci"),
    (2613, "ucs2_uca1400_estonian_nopad_ai_cs"),
    (2614, "ucs2_uca1400_estonian_nopad_as_ci"),
    (2615, "ucs2_uca1400_estonian_nopad_as_cs"),
    (2616, "ucs2_uca1400_spanish_ai_ci"),
    (2617, "ucs2_uca1400_spanish_ai_cs"),
    (2618, "ucs2_uca1400_spanish_as_ci"),
    (2619, "ucs2_uca1400_spanish_as_cs"),
    (2620, "ucs2_uca1400_spanish_nopad_ai_ci"),
    (2621, "ucs2_uca1400_spanish_nopad_ai_cs"),
    (2622, "ucs2_uca1400_spanish_nopad_as_ci"),
    (2623, "ucs2_uca1400_spanish_nopad_as_cs"),
    (2624, "ucs2_uca1400_swedish_ai_ci"),
    (2625, "ucs2_uca1400_swedish_ai_cs"),
    (2626, "ucs2_uca1400_swedish_as_ci"),
    (2627, "ucs2_uca1400_swedish_as_cs"),
    (2628, "ucs2_uca1400_swedish_nopad_ai_ci"),
    (2629, "ucs2_uca1400_swedish_nopad_ai_cs"),
    (2630, "ucs2_uca1400_swedish_nopad_as_ci"),
    (2631, "ucs2_uca1400_swedish_nopad_as_cs"),
    (2632, "ucs2_uca1400_turkish_ai_ci"),
    (2633, "ucs2_uca1400_turkish_ai_cs"),
    (2634, "ucs2_uca1400_turkish_as_ci"),
    (2635, "ucs2_uca1400_turkish_as_cs"),
    (2636, "ucs2_uca1400_turkish_nopad_ai_ci"),
    (2637, "ucs2_uca1400_turkish_nopad_ai_cs"),
    (2638, "ucs2_uca1400_turkish_nopad_as_ci"),
    (2639, "ucs2_uca1400_turkish_nopad_as_cs"),
    (2640, "ucs2_uca1400_czech_ai_ci"),
    (2641, "ucs2_uca1400_czech_ai_cs"),
    (2642, "ucs2_uca1400_czech_as_ci"),
    (2643, "ucs2_uca1400_czech_as_cs"),
    (2644, "ucs2_uca1400_czech_nopad_ai_ci"),
    (2645, "ucs2_uca1400_czech_nopad_ai_cs"),
    (2646, "ucs2_uca1400_czech_nopad_as_ci"),
    (2647, "ucs2_uca1400_czech_nopad_as_cs"),
    (2648, "ucs2_uca1400_danish_ai_ci"),
    (2649, "ucs2_uca1400_danish_ai_cs"),
    (2650, "ucs2_uca1400_danish_as_ci"),
    (2651, "ucs2_uca1400_danish_as_cs"),
    (2652, "ucs2_uca1400_danish_nopad_ai_ci"),
    (2653, "ucs2_uca1400_danish_nopad_ai_cs"),
    (2654, "ucs2_uca1400_danish_nopad_as_ci"),
    (2655, "ucs2_uca1400_danish_nopad_as_cs"),
    (2656, "ucs2_uca1400_lithuanian_ai_ci"),
    (2657, "ucs2_uca1400_lithuanian_ai_cs"),
    (2658, "ucs2_uca1400_lithuanian_as_ci"),
    (2659, "ucs2_uca1400_lithuanian_as_cs"),
    (2660, "ucs2_uca1400_lithuanian_nopad_ai_ci"),
    (2661, "ucs2_uca1400_lithuanian_nopad_ai_cs"),
    (2662, "ucs2_uca1400_lithuanian_nopad_as_ci"),
    (2663, "ucs2_uca1400_lithuanian_nopad_as_cs"),
    (2664, "ucs2_uca1400_slovak_ai_ci"),
    (2665, "ucs2_uca1400_slovak_ai_cs"),
    (2666, "ucs2_uca1400_slovak_as_ci"),
    (2667, "ucs2_uca1400_slovak_as_cs"),
    (2668, "ucs2_uca1400_slovak_nopad_ai_ci"),
    (2669, "ucs2_uca1400_slovak_nopad_ai_cs"),
    (2670, "ucs2_uca1400_slovak_nopad_as_ci"),
    (2671, "ucs2_uca1400_slovak_nopad_as_cs"),
    (2672, "ucs2_uca1400_spanish2_ai_ci"),
    (2673, "ucs2_uca1400_spanish2_ai_cs"),
    (2674, "ucs2_uca1400_spanish2_as_ci"),
    (2675, "ucs2_uca1400_spanish2_as_cs"),
    (2676, "ucs2_uca1400_spanish2_nopad_ai_ci"),
    (2677, "ucs2_uca1400_spanish2_nopad_ai_cs"),
    (2678, "ucs2_uca1400_spanish2_nopad_as_ci"),
    (2679, "ucs2_uca1400_spanish2_nopad_as_cs"),
    (2680, "ucs2_uca1400_roman_ai_ci"),
    (2681, "ucs2_uca1400_roman_ai_cs"),
    (2682, "ucs2_uca1400_roman_as_ci"),
    (2683, "ucs2_uca1400_roman_as_cs"),
    (2684, "ucs2_uca1400_roman_nopad_ai_ci"),
    (2685, "ucs2_uca1400_roman_nopad_ai_cs"),
    (2686, "ucs2_uca1400_roman_nopad_as_ci"),
    (2687, "ucs2_uca1400_roman_nopad_as_cs"),
    (2688, "ucs2_uca1400_persian_ai_ci"),
    (2689, "ucs2_uca1400_persian_ai_cs"),
    (2690, "ucs2_uca1400_persian_as_ci"),
    (2691, "ucs2_uca1400_persian_as_cs"),
    (2692, "ucs2_uca1400_persian_nopad_ai_ci"),
    (2693, "ucs2_uca1400_persian_nopad_ai_cs"),
    (2694, "ucs2_uca1400_persian_nopad_as_ci"),
    (2695, "ucs2_uca1400_persian_nopad_as_cs"),
    (2696, "ucs2_uca1400_esperanto_ai_ci"),
    (2697, "ucs2_uca1400_esperanto_ai_cs"),
    (2698, "ucs2_uca1400_esperanto_as_ci"),
    (2699, "ucs2_uca1400_esperanto_as_cs"),
    (2700, "ucs2_uca1400_esperanto_nopad_ai_ci"),
    (2701, "ucs2_uca1400_esperanto_nopad_ai_cs"),
    (2702, "ucs2_uca1400_esperanto_nopad_as_ci"),
    (2703, "ucs2_uca1400_esperanto_nopad_as_cs"),
    (2704, "ucs2_uca1400_hungarian_ai_ci"),
    (2705, "ucs2_uca1400_hungarian_ai_cs"),
    (2706, "ucs2_uca1400_hungarian_as_ci"),
    (2707, "ucs2_uca1400_hungarian_as_cs"),
    (2708, "ucs2_uca1400_hungarian_nopad_ai_ci"),
    (2709, "ucs2_uca1400_hungarian_nopad_ai_cs"),
    (2710, "ucs2_uca1400_hungarian_nopad_as_ci"),
    (2711, "ucs2_uca1400_hungarian_nopad_as_cs"),
    (2712, "ucs2_uca1400_sinhala_ai_ci"),
    (2713, "ucs2_uca1400_sinhala_ai_cs"),
    (2714, "ucs2_uca1400_sinhala_as_ci"),
    (2715, "ucs2_uca1400_sinhala_as_cs"),
    (2716, "ucs2_uca1400_sinhala_nopad_ai_ci"),
    (2717, "ucs2_uca1400_sinhala_nopad_ai_cs"),
    (2718, "ucs2_uca1400_sinhala_nopad_as_ci"),
    (2719, "ucs2_uca1400_sinhala_nopad_as_cs"),
    (2720, "ucs2_uca1400_german2_ai_ci"),
    (2721, "ucs2_uca1400_german2_ai_cs"),
    (2722, "ucs2_uca1400_german2_as_ci"),
    (2723, "ucs2_uca1400_german2_as_cs"),
    (2724, "ucs2_uca1400_german2_nopad_ai_ci"),
    (2725, "ucs2_uca1400_german2_nopad_ai_cs"),
    (2726, "ucs2_uca1400_german2_nopad_as_ci"),
    (2727, "ucs2_uca1400_german2_nopad_as_cs"),
    (2744, "ucs2_uca1400_vietnamese_ai_ci"),
    (2745, "ucs2_uca1400_vietnamese_ai_cs"),
    (2746, "ucs2_uca1400_vietnamese_as_ci"),
    (2747, "ucs2_uca1400_vietnamese_as_cs"),
    (2748, "ucs2_uca1400_vietnamese_nopad_ai_ci"),
    (2749, "ucs2_uca1400_vietnamese_nopad_ai_cs"),
    (2750, "ucs2_uca1400_vietnamese_nopad_as_ci"),
    (2751, "ucs2_uca1400_vietnamese_nopad_as_cs"),
    (2752, "ucs2_uca1400_croatian_ai_ci"),
    (2753, "ucs2_uca1400_croatian_ai_cs"),
    (2754, "ucs2_uca1400_croatian_as_ci"),
    (2755, "ucs2_uca1400_croatian_as_cs"),
    (2756, "ucs2_uca1400_croatian_nopad_ai_ci"),
    (2757, "ucs2_uca1400_croatian_nopad_ai_cs"),
    (2758, "ucs2_uca1400_croatian_nopad_as_ci"),
    (2759, "ucs2_uca1400_croatian_nopad_as_cs"),
    (2816, "utf16_uca1400_ai_ci"),
    (2817, "utf16_uca1400_ai_cs"),
    (2818, "utf16_uca1400_as_ci"),
    (2819, "utf16_uca1400_as_cs"),
    (2820, "utf16_uca1400_nopad_ai_ci"),
    (2821, "utf16_uca1400_nopad_ai_cs"),
    (2822, "utf16_uca1400_nopad_as_ci"),
    (2823, "utf16_uca1400_nopad_as_cs"),
    (2824, "utf16_uca1400_icelandic_ai_ci"),
    (2825, "utf16_uca1400_icelandic_ai_cs"),
    (2826, "utf16_uca1400_icelandic_as_ci"),
    (2827, "utf16_uca1400_icelandic_as_cs"),
    (2828, "utf16_uca1400_icelandic_nopad_ai_ci"),
    (2829, "utf16_uca1400_icelandic_nopad_ai_cs"),
    (2830, "utf16_uca1400_icelandic_nopad_as_ci"),
    (2831, "utf16_uca1400_icelandic_nopad_as_cs"),
    (2832, "utf16_uca1400_latvian_ai_ci"),
    (2833, "utf16_uca1400_latvian_ai_cs"),
    (2834, "utf16_uca1400_latvian_as_ci"),
    (2835, "utf16_uca1400_latvian_as_cs"),
    (2836, "utf16_uca1400_latvian_nopad_ai_ci"),
    (2837, "utf16_uca1400_latvian_nopad_ai_cs"),
    (2838, "utf16_uca1400_latvian_nopad_as_ci"),
    (2839, "utf16_uca1400_latvian_nopad_as_cs"),
    (2840, "utf16_uca1400_romanian_ai_ci"),
    (2841, "utf16_uca1400_romanian_ai_cs"),
    (2842, "utf16_uca1400_romanian_as_ci"),
    (2843, "utf16_uca1400_romanian_as_cs"),
    (2844, "utf16_uca1400_romanian_nopad_ai_ci"),
    (2845, "utf16_uca1400_romanian_nopad_ai_cs"),
    (2846, "utf16_uca1400_romanian_nopad_as_ci"),
    (2847, "utf16_uca1400_romanian_nopad_as_cs"),
    (2848, "utf16_uca1400_slovenian_ai_ci"),
    (2849, "utf16_uca1400_slovenian_ai_cs"),
    (2850, "utf16_uca1400_slovenian_as_ci"),
    (2851, "utf16_uca1400_slovenian_as_cs"),
    (2852, "utf16_uca1400_slovenian_nopad_ai_ci"),
    (2853, "utf16_uca1400_slovenian_nopad_ai_cs"),
    (2854, "utf16_uca1400_slovenian_nopad_as_ci"),
    (2855, "utf16_uca1400_slovenian_nopad_as_cs"),
    (2856, "utf16_uca1400_polish_ai_ci"),
    (2857, "utf16_uca1400_polish_ai_cs"),
    (2858, "utf16_uca1400_polish_as_ci"),
    (2859, "utf16_uca1400_polish_as_cs"),
    (2860, "utf16_uca1400_polish_nopad_ai_ci"),
    (2861, "utf16_uca1400_polish_nopad_ai_cs"),
    (2862, "utf16_uca1400_polish_nopad_as_ci"),
    (2863, "utf16_uca1400_polish_nopad_as_cs"),
    (2864, "utf16_uca1400_estonian_ai_ci"),
    (2865, "utf16_uca1400_estonian_ai_cs"),
    (2866, "utf16_uca1400_estonian_as_ci"),
    (2867, "utf16_uca1400_estonian_as_cs"),
    (2868, "utf16_uca1400_estonian_nopad_ai_ci"),
    (2869, "utf16_uca1400_estonian_nopad_ai_cs"),
    (2870, "utf16_uca1400_estonian_nopad_as_ci"),
    (2871, "utf16_uca1400_estonian_nopad_as_cs"),
    (2872, "utf16_uca1400_spanish_ai_ci"),
    (2873, "utf16_uca1400_spanish_ai_cs"),
    (2874, "utf16_uca1400_spanish_as_ci"),
    (2875, "utf16_uca1400_spanish_as_cs"),
    (2876, "utf16_uca1400_spanish_nopad_ai_ci"),
    (2877, "utf16_uca1400_spanish_nopad_ai_cs"),
    (2878, "utf16_uca1400_spanish_nopad_as_ci"),
    (2879, "utf16_uca1400_spanish_nopad_as_cs"),
    (2880, "utf16_uca1400_swedish_ai_ci"),
    (2881, "utf16_uca1400_swedish_ai_cs"),
    (2882, "utf16_uca1400_swedish_as_ci"),
    (2883, "utf16_uca1400_swedish_as_cs"),
    (2884, "utf16_uca1400_swedish_nopad_ai_ci"),
    (2885, "utf16_uca1400_swedish_nopad_ai_cs"),
    (2886, "utf16_uca1400_swedish_nopad_as_ci"),
    (2887, "utf16_uca1400_swedish_nopad_as_cs"),
    (2888, "utf16_uca1400_turkish_ai_ci"),
    (2889, "utf16_uca1400_turkish_ai_cs"),
    (2890, "utf16_uca1400_turkish_as_ci"),
    (2891, "utf16_uca1400_turkish_as_cs"),
    (2892, "utf16_uca1400_turkish_nopad_ai_ci"),
    (2893, "utf16_uca1400_turkish_nopad_ai_cs"),
    (2894, "utf16_uca1400_turkish_nopad_as_ci"),
    (2895, "utf16_uca1400_turkish_nopad_as_cs"),
    (2896, "utf16_uca1400_czech_ai_ci"),
    (2897, "utf16_uca1400_czech_ai_cs"),
    (2898, "utf16_uca1400_czech_as_ci"),
    (2899, "utf16_uca1400_czech_as_cs"),
    (2900, "utf16_uca1400_czech_nopad_ai_ci"),
    (2901, "utf16_uca1400_czech_nopad_ai_cs"),
    (2902, "utf16_uca1400_czech_nopad_as_ci"),
    (2903, "utf16_uca1400_czech_nopad_as_cs"),
    (2904, "utf16_uca1400_danish_ai_ci"),
    (2905, "utf16_uca1400_danish_ai_cs"),
    (2906, "utf16_uca1400_danish_as_ci"),
    (2907, "utf16_uca1400_danish_as_cs"),
    (2908, "utf16_uca1400_danish_nopad_ai_ci"),
    (2909, "utf16_uca1400_danish_nopad_ai_cs"),
    (2910, "utf16_uca1400_danish_nopad_as_ci"),
    (2911, "utf16_uca1400_danish_nopad_as_cs"),
    (2912, "utf16_uca1400_lithuanian_ai_ci"),
    (2913, "utf16_uca1400_lithuanian_ai_cs"),
    (2914, "utf16_uca1400_lithuanian_as_ci"),
    (2915, "utf16_uca1400_lithuanian_as_cs"),
    (2916, "utf16_uca1400_lithuanian_nopad_ai_ci"),
    (2917, "utf16_uca1400_lithuanian_nopad_ai_cs"),
    (2918, "utf16_uca1400_lithuanian_nopad_as_ci"),
    (2919, "utf16_uca1400_lithuanian_nopad_as_cs"),
    (2920, "utf16_uca1400_slovak_ai_ci"),
    (2921, "utf16_uca1400_slovak_ai_cs"),
    (2922, "utf16_uca1400_slovak_as_ci"),
    (2923, "utf16_uca1400_slovak_as_cs"),
    (2924, "utf16_uca1400_slovak_nopad_ai_ci"),
    (2925, "utf16_uca1400_slovak_nopad_ai_cs"),
    (2926, "utf16_uca1400_slovak_nopad_as_ci"),
    (2927, "utf16_uca1400_slovak_nopad_as_cs"),
    (2928, "utf16_uca1400_spanish2_ai_ci"),
    (2929, "utf16_uca1400_spanish2_ai_cs"),
    (2930, "utf16_uca1400_spanish2_as_ci"),
    (2931, "utf16_uca1400_spanish2_as_cs"),
    (2932, "utf16_uca1400_spanish2_nopad_ai_ci"),
    (2933, "utf16_uca1400_spanish2_nopad_ai_cs"),
    (2934, "utf16_uca1400_spanish2_nopad_as_ci"),
    (2935, "utf16_uca1400_spanish2_nopad_as_cs"),
    (2936, "utf16_uca1400_roman_ai_ci"),
    (2937, "utf16_uca1400_roman_ai_cs"),
    (2938, "utf16_uca1400_roman_as_ci"),
    (2939, "utf16_uca1400_roman_as_cs"),
    (2940, "utf16_uca1400_roman_nopad_ai_ci"),
    (2941, "utf16_uca1400_roman_nopad_ai_cs"),
    (2942, "utf16_uca1400_roman_nopad_as_ci"),
    (2943, "utf16_uca1400_roman_nopad_as_cs"),
    (2944, "utf16_uca1400_persian_ai_ci"),
    (2945, "utf16_uca1400_persian_ai_cs"),
    (2946, "utf16_uca1400_persian_as_ci"),
    (2947, "utf16_uca1400_persian_as_cs"),
    (2948, "utf16_uca1400_persian_nopad_ai_ci"),
    (2949, "utf16_uca1400_persian_nopad_ai_cs"),
    (2950, "utf16_uca1400_persian_nopad_as_ci"),
    (2951, "utf16_uca1400_persian_nopad_as_cs"),
    (2952, "utf16_uca1400_esperanto_ai_ci"),
    (2953, "utf16_uca1400_esperanto_ai_cs"),
    (2954, "utf16_uca1400_esperanto_as_ci"),
    (2955, "utf16_uca1400_esperanto_as_cs"),
    (2956, "utf16_uca1400_esperanto_nopad_ai_ci"),
    (2957, "utf16_uca1400_esperanto_nopad_ai_cs"),
    (2958, "utf16_uca1400_esperanto_nopad_as_ci"),
    (2959, "utf16_uca1400_esperanto_nopad_as_cs"),
    (2960, "utf16_uca1400_hungarian_ai_ci"),
    (2961, "utf16_uca1400_hungarian_ai_cs"),
    (2962, "utf16_uca1400_hungarian_as_ci"),
    (2963, "utf16_uca1400_hungarian_as_cs"),
    (2964, "utf16_uca1400_hungarian_nopad_ai_ci"),
    (2965, "utf16_uca1400_hungarian_nopad_ai_cs"),
    (2966, "utf16_uca1400_hungarian_nopad_as_ci"),
    (2967, "utf16_uca1400_hungarian_nopad_as_cs"),
    (2968, "utf16_uca1400_sinhala_ai_ci"),
    (2969, "utf16_uca1400_sinhala_ai_cs"),
    (2970, "utf16_uca1400_sinhala_as_ci"),
    (2971, "utf16_uca1400_sinhala_as_cs"),
    (2972, "utf16_uca1400_sinhala_nopad_ai_ci"),
    (2973, "utf16_uca1400_sinhala_nopad_ai_cs"),
    (2974, "utf16_uca1400_sinhala_nopad_as_ci"),
    (2975, "utf16_uca1400_sinhala_nopad_as_cs"),
    (2976, "utf16_uca1400_german2_ai_ci"),
    (2977, "utf16_uca1400_german2_ai_cs"),
    (2978, "utf16_uca1400_german2_as_ci"),
    (2979, "utf16_uca1400_german2_as_cs"),
    (2980, "utf16_uca1400_german2_nopad_ai_ci"),
    (2981, "utf16_uca1400_german2_nopad_ai_cs"),
    (2982, "utf16_uca1400_german2_nopad_as_ci"),
    (2983, "utf16_uca1400_german2_nopad_as_cs"),
    (3000, "utf16_uca1400_vietnamese_ai_ci"),
    (3001, "utf16_uca1400_vietnamese_ai_cs"),
    (3002, "utf16_uca1400_vietnamese_as_ci"),
    (3003, "utf16_uca1400_vietnamese_as_cs"),
    (3004, "utf16_uca1400_vietnamese_nopad_ai_ci"),
    (3005, "utf16_uca1400_vietnamese_nopad_ai_cs"),
    (3006, "utf16_uca1400_vietnamese_nopad_as_ci"),
    (3007, "utf16_uca1400_vietnamese_nopad_as_cs"),
    (3008, "utf16_uca1400_croatian_ai_ci"),
    (3009, "utf16_uca1400_croatian_ai_cs"),
    (3010, "utf16_uca1400_croatian_as_ci"),
    (3011, "utf16_uca1400_croatian_as_cs"),
    (3012, "utf16_uca1400_croatian_nopad_ai_ci"),
    (3013, "utf16_uca1400_croatian_nopad_ai_cs"),
    (3014, "utf16_uca1400_croatian_nopad_as_ci"),
    (3015, "utf16_uca1400_croatian_nopad_as_cs"),
    (3072, "utf32_uca1400_ai_ci"),
    (3073, "utf32_uca1400_ai_cs"),
    (3074, "utf32_uca1400_as_ci"),
    (3075, "utf32_uca1400_as_cs"),
    (3076, "utf32_uca1400_nopad_ai_ci"),
    (3077, "utf32_uca1400_nopad_ai_cs"),
    (3078, "utf32_uca1400_nopad_as_ci"),
    (3079, "utf32_uca1400_nopad_as_cs"),
    (3080, "utf32_uca1400_icelandic_ai_ci"),
    (3081, "utf32_uca1400_icelandic_ai_cs"),
    (3082, "utf32_uca1400_icelandic_as_ci"),
    (3083, "utf32_uca1400_icelandic_as_cs"),
    (3084, "utf32_uca1400_icelandic_nopad_ai_ci"),
    (3085, "utf32_uca1400_icelandic_nopad_ai_cs"),
    (3086, "utf32_uca1400_icelandic_nopad_as_ci"),
    (3087, "utf32_uca1400_icelandic_nopad_as_cs"),
    (3088, "utf32_uca1400_latvian_ai_ci"),
    (3089, "utf32_uca1400_latvian_ai_cs"),
    (3090, "utf32_uca1400_latvian_as_ci"),
    (3091, "utf32_uca1400_latvian_as_cs"),
    (3092, "utf32_uca1400_latvian_nopad_ai_ci"),
    (3093, "utf32_uca1400_latvian_nopad_ai_cs"),
    (3094, "utf32_uca1400_latvian_nopad_as_ci"),
    (3095, "utf32_uca1400_latvian_nopad_as_cs"),
    (3096, "utf32_uca1400_romanian_ai_ci"),
    (3097, "utf32_uca1400_romanian_ai_cs"),
    (3098, "utf32_uca1400_romanian_as_ci"),
    (3099, "utf32_uca1400_romanian_as_cs"),
    (3100, "utf32_uca1400_romanian_nopad_ai_ci"),
    (3101, "utf32_uca1400_romanian_nopad_ai_cs"),
    (3102, "utf32_uca1400_romanian_nopad_as_ci"),
    (3103, "utf32_uca1400_romanian_nopad_as_cs"),
    (3104, "utf32_uca1400_slovenian_ai_ci"),
    (3105, "utf32_uca1400_slovenian_ai_cs"),
    (3106, "utf32_uca1400_slovenian_as_ci"),
    (3107, "utf32_uca1400_slovenian_as_cs"),
    (3108, "utf32_uca1400_slovenian_nopad_ai_ci"),
    (3109, "utf32_uca1400_slovenian_nopad_ai_cs"),
    (3110, "utf32_uca1400_slovenian_nopad_as_ci"),
    (3111, "utf32_uca1400_slovenian_nopad_as_cs"),
    (3112, "utf32_uca1400_polish_ai_ci"),
    (3113, "utf32_uca1400_polish_ai_cs"),
    (3114, "utf32_uca1400_polish_as_ci"),
    (3115, "utf32_uca1400_polish_as_cs"),
    (3116, "utf32_uca1400_polish_nopad_ai_ci"),
    (3117, "utf32_uca1400_polish_nopad_ai_cs"),
    (3118, "utf32_uca1400_polish_nopad_as_ci"),
    (3119, "utf32_uca1400_polish_nopad_as_cs"),
    (3120, "utf32_uca1400_estonian_ai_ci"),
    (3121, "utf32_uca1400_estonian_ai_cs"),
    (3122, "utf32_uca1400_estonian_as_ci"),
    (3123, "utf32_uca1400_estonian_as_cs"),
    (3124, "utf32_uca1400_estonian_nopad_ai_ci"),
    (3125, "utf32_uca1400_estonian_nopad_ai_cs"),
    (3126, "utf32_uca1400_estonian_nopad_as_ci"),
    (3127, "utf32_uca1400_estonian_nopad_as_cs"),
    (3128, "utf32_uca1400_spanish_ai_ci"),
    (3129, "utf32_uca1400_spanish_ai_cs"),
    (3130, "utf32_uca1400_spanish_as_ci"),
    (3131, "utf32_uca1400_spanish_as_cs"),
    (3132, "utf32_uca1400_spanish_nopad_ai_ci"),
    (3133, "utf32_uca1400_spanish_nopad_ai_cs"),
    (3134, "utf32_uca1400_spanish_nopad_as_ci"),
    (3135, "utf32_uca1400_spanish_nopad_as_cs"),
    (3136, "utf32_uca1400_swedish_ai_ci"),
    (3137, "utf32_uca1400_swedish_ai_cs"),
    (3138, "utf32_uca1400_swedish_as_ci"),
    (3139, "utf32_uca1400_swedish_as_cs"),
    (3140, "utf32_uca1400_swedish_nopad_ai_ci"),
    (3141, "utf32_uca1400_swedish_nopad_ai_cs"),
    (3142, "utf32_uca1400_swedish_nopad_as_ci"),
    (3143, "utf32_uca1400_swedish_nopad_as_cs"),
    (3144, "utf32_uca1400_turkish_ai_ci"),
    (3145, "utf32_uca1400_turkish_ai_cs"),
    (3146, "utf32_uca1400_turkish_as_ci"),
    (3147, "utf32_uca1400_turkish_as_cs"),
    (3148, "utf32_uca1400_turkish_nopad_ai_ci"),
    (3149, "utf32_uca1400_turkish_nopad_ai_cs"),
    (3150, "utf32_uca1400_turkish_nopad_as_ci"),
    (3151, "utf32_uca1400_turkish_nopad_as_cs"),
    (3152, "utf32_uca1400_czech_ai_ci"),
    (3153, "utf32_uca1400_czech_ai_cs"),
    (3154, "utf32_uca1400_czech_as_ci"),
    (3155, "utf32_uca1400_czech_as_cs"),
    (3156, "utf32_uca1400_czech_nopad_ai_ci"),
    (3157, "utf32_uca1400_czech_nopad_ai_cs"),
    (3158, "utf32_uca1400_czech_nopad_as_ci"),
    (3159, "utf32_uca1400_czech_nopad_as_cs"),
    (3160, "utf32_uca1400_danish_ai_ci"),
    (3161, "utf32_uca1400_danish_ai_cs"),
    (3162, "utf32_uca1400_danish_as_ci"),
    (3163, "utf32_uca1400_danish_as_cs"),
    (3164, "utf32_uca1400_danish_nopad_ai_ci"),
    (3165, "utf32_uca1400_danish_nopad_ai_cs"),
    (3166, "utf32_uca1400_danish_nopad_as_ci"),
    (3167, "utf32_uca1400_danish_nopad_as_cs"),
    (3168, "utf32_uca1400_lithuanian_ai_ci"),
    (3169, "utf32_uca1400_lithuanian_ai_cs"),
    (3170, "utf32_uca1400_lithuanian_as_ci"),
    (3171, "utf32_uca1400_lithuanian_as_cs"),
    (3172, "utf32_uca1400_lithuanian_nopad_ai_ci"),
    (3173, "utf32_uca1400_lithuanian_nopad_ai_cs"),
    (3174, "utf32_uca1400_lithuanian_nopad_as_ci"),
    (3175, "utf32_uca1400_lithuanian_nopad_as_cs"),
    (3176, "utf32_uca1400_slovak_ai_ci"),
    (3177, "utf32_uca1400_slovak_ai_cs"),
    (3178, "utf32_uca1400_slovak_as_ci"),
    (3179, "utf32_uca1400_slovak_as_cs"),
    (3180, "utf32_uca1400_slovak_nopad_ai_ci"),
    (3181, "utf32_uca1400_slovak_nopad_ai_cs"),
    (3182, "utf32_uca1400_slovak_nopad_as_ci"),
    (3183, "utf32_uca1400_slovak_nopad_as_cs"),
    (3184, "utf32_uca1400_spanish2_ai_ci"),
    (3185, "utf32_uca1400_spanish2_ai_cs"),
    (3186, "utf32_uca1400_spanish2_as_ci"),
    (3187, "utf32_uca1400_spanish2_as_cs"),
    (3188, "utf32_uca1400_spanish2_nopad_ai_ci"),
    (3189, "utf32_uca1400_spanish2_nopad_ai_cs"),
    (3190, "utf32_uca1400_spanish2_nopad_as_ci"),
    (3191, "utf32_uca1400_spanish2_nopad_as_cs"),
    (3192, "utf32_uca1400_roman_ai_ci"),
    (3193, "utf32_uca1400_roman_ai_cs"),
    (3194, "utf32_uca1400_roman_as_ci"),
    (3195, "utf32_uca1400_roman_as_cs"),
    (3196, "utf32_uca1400_roman_nopad_ai_ci"),
    (3197, "utf32_uca1400_roman_nopad_ai_cs"),
    (3198, "utf32_uca1400_roman_nopad_as_ci"),
    (3199, "utf32_uca1400_roman_nopad_as_cs"),
    (3200, "utf32_uca1400_persian_ai_ci"),
    (3201, "utf32_uca1400_persian_ai_cs"),
    (3202, "utf32_uca1400_persian_as_ci"),
    (3203, "utf32_uca1400_persian_as_cs"),
    (3204, "utf32_uca1400_persian_nopad_ai_ci"),
    (3205, "utf32_uca1400_persian_nopad_ai_cs"),
    (3206, "utf32_uca1400_persian_nopad_as_ci"),
    (3207, "utf32_uca1400_persian_nopad_as_cs"),
    (3208, "utf32_uca1400_esperanto_ai_ci"),
    (3209, "utf32_uca1400_esperanto_ai_cs"),
    (3210, "utf32_uca1400_esperanto_as_ci"),
    (3211, "utf32_uca1400_esperanto_as_cs"),
    (3212, "utf32_uca1400_esperanto_nopad_ai_ci"),
    (3213, "utf32_uca1400_esperanto_nopad_ai_cs"),
    (3214, "utf32_uca1400_esperanto_nopad_as_ci"),
    (3215, "utf32_uca1400_esperanto_nopad_as_cs"),
    (3216, "utf32_uca1400_hungarian_ai_ci"),
    (3217, "utf32_uca1400_hungarian_ai_cs"),
    (3218, "utf32_uca1400_hungarian_as_ci"),
    (3219, "utf32_uca1400_hungarian_as_cs"),
    (3220, "utf32_uca1400_hungarian_nopad_ai_ci"),
    (3221, "utf32_uca1400_hungarian_nopad_ai_cs"),
    (3222, "utf32_uca1400_hungarian_nopad_as_ci"),
    (3223, "utf32_uca1400_hungarian_nopad_as_cs"),
    (3224, "utf32_uca1400_sinhala_ai_ci"),
    (3225, "utf32_uca1400_sinhala_ai_cs"),
    (3226, "utf32_uca1400_sinhala_as_ci"),
    (3227, "utf32_uca1400_sinhala_as_cs"),
    (3228, "utf32_uca1400_sinhala_nopad_ai_ci"),
    (3229, "utf32_uca1400_sinhala_nopad_ai_cs"),
    (3230, "utf32_uca1400_sinhala_nopad_as_ci"),
    (3231, "utf32_uca1400_sinhala_nopad_as_cs"),
    (3232, "utf32_uca1400_german2_ai_ci"),
    (3233, "utf32_uca1400_german2_ai_cs"),
    (3234, "utf32_uca1400_german2_as_ci"),
    (3235, "utf32_uca1400_german2_as_cs"),
    (3236, "utf32_uca1400_german2_nopad_ai_ci"),
    (3237, "utf32_uca1400_german2_nopad_ai_cs"),
    (3238, "utf32_uca1400_german2_nopad_as_ci"),
    (3239, "utf32_uca1400_german2_nopad_as_cs"),
    (3256, "utf32_uca1400_vietnamese_ai_ci"),
    (3257, "utf32_uca1400_vietnamese_ai_cs"),
    (3258, "utf32_uca1400_vietnamese_as_ci"),
    (3259, "utf32_uca1400_vietnamese_as_cs"),
    (3260, "utf32_uca1400_vietnamese_nopad_ai_ci"),
    (3261, "utf32_uca1400_vietnamese_nopad_ai_cs"),
    (3262, "utf32_uca1400_vietnamese_nopad_as_ci"),
    (3263, "utf32_uca1400_vietnamese_nopad_as_cs"),
    (3264, "utf32_uca1400_croatian_ai_ci"),
    (3265, "utf32_uca1400_croatian_ai_cs"),
    (3266, "utf32_uca1400_croatian_as_ci"),
    (3267, "utf32_uca1400_croatian_as_cs"),
    (3268, "utf32_uca1400_croatian_nopad_ai_ci"),
    (3269, "utf32_uca1400_croatian_nopad_ai_cs"),
    (3270, "utf32_uca1400_croatian_nopad_as_ci"),
    (3271, "utf32_uca1400_croatian_nopad_as_cs"),
];

/// The collation table of one flavour.
fn collations(mariadb: bool) -> &'static [Collation] {
    if mariadb {
        &MARIADB_COLLATIONS
    } else {
        &MYSQL_COLLATIONS
    }
}

/// The character set part of a collation name: up to the first `_`.
fn charset_part(collation: &'static str) -> &'static str {
    collation
        .split_once('_')
        .map_or(collation, |(charset, _)| charset)
}

/// The name of collation `id` as the server prints it in `SHOW COLLATION` (for
/// MariaDB's `uca1400` collations: the full name, such as `utf8mb4_uca1400_ai_ci`),
/// `mariadb` choosing the flavour; `None` for an id that flavour does not define.
pub fn collation_name(id: u16, mariadb: bool) -> Option<&'static str> {
    let table = collations(mariadb);
    let index = table.binary_search_by_key(&id, |&(i, _)| i).ok()?;
    table.get(index).map(|&(_, name)| name)
}

/// The name of the character set of collation `id`, as in the `Charset` column of
/// `SHOW COLLATION` (`"utf8mb4"`, `"utf8mb3"`, `"latin1"`, `"binary"`...): what
/// `mysqlbinlog` puts after the `_` of a string introducer such as `_utf8mb4'text'`.
/// `None` for an id the flavour does not define.
pub fn mysql_charset_name(id: u16, mariadb: bool) -> Option<&'static str> {
    collation_name(id, mariadb).map(charset_part)
}

/// The character set of collation `id`, `mariadb` choosing the flavour; `None` for an
/// id that flavour does not define.
pub fn charset_of(id: u16, mariadb: bool) -> Option<Charset> {
    mysql_charset_name(id, mariadb).map(Charset::from_name)
}

/// The character set of collation `id` on either flavour. The two flavours never give
/// one id two different character sets (a test checks it), so the ids of both can be
/// looked up together.
fn charset_of_any(id: u16) -> Option<Charset> {
    // Called for every string value: the answers for the ids both flavours use
    // (below 2048) are computed once instead of searching and parsing names each time.
    const CACHED_IDS: usize = 2048;
    static CACHE: std::sync::OnceLock<Vec<Option<Charset>>> = std::sync::OnceLock::new();
    let cache = CACHE.get_or_init(|| {
        (0..CACHED_IDS as u16)
            .map(|id| charset_of(id, false).or_else(|| charset_of(id, true)))
            .collect()
    });
    match cache.get(usize::from(id)) {
        Some(charset) => *charset,
        None => charset_of(id, false).or_else(|| charset_of(id, true)),
    }
}

/// The text of `bytes`, a string stored under `collation`, or `None` when it cannot be
/// told.
///
/// - `collation` `None` (not known): the bytes as UTF-8 if they are valid UTF-8, else
///   `None`.
/// - `utf8mb4` and `utf8mb3` collations: the bytes if they are valid UTF-8, else `None`.
///   For `utf8mb3` this accepts four-byte sequences too, which a `utf8mb3` column
///   cannot hold: such bytes can only come from a writer that did not check, and are
///   passed on as the characters they encode rather than refused. Surrogates and
///   overlong forms, which are not UTF-8, give `None`.
/// - `ascii` collations: the bytes if every one is below 0x80, else `None`.
/// - `latin1` collations: every byte decodes, as MySQL's `latin1` maps it (its
///   `cs_to_uni` table): Windows-1252, except that the five bytes cp1252 leaves
///   undefined, 0x81, 0x8D, 0x8F, 0x90 and 0x9D, stand for U+0081, U+008D, U+008F,
///   U+0090 and U+009D.
/// - `binary` (63), every other character set, and an id neither MySQL nor MariaDB
///   defines: `None`.
///
/// Ids are looked up in both flavours' tables at once, which is unambiguous: an id
/// both flavours define has the same character set in both.
///
/// Text that is already UTF-8 is not copied: borrowed bytes come back borrowed and an
/// owned buffer is reused. `latin1` text is borrowed only when it is all ASCII, where
/// `latin1` and UTF-8 agree; other `latin1` text is converted into a new `String`.
pub fn decode<'a>(collation: Option<u16>, bytes: Cow<'a, [u8]>) -> Option<Cow<'a, str>> {
    let Some(id) = collation else {
        return decode_utf8(bytes);
    };
    match charset_of_any(id)? {
        Charset::Utf8mb3 | Charset::Utf8mb4 => decode_utf8(bytes),
        Charset::Ascii if bytes.is_ascii() => decode_utf8(bytes),
        Charset::Latin1 => Some(decode_latin1(bytes)),
        Charset::Ascii | Charset::Binary | Charset::Other(_) => None,
    }
}

/// `bytes` as UTF-8, without copying; `None` if they are not valid UTF-8.
fn decode_utf8(bytes: Cow<'_, [u8]>) -> Option<Cow<'_, str>> {
    match bytes {
        Cow::Borrowed(bytes) => std::str::from_utf8(bytes).ok().map(Cow::Borrowed),
        Cow::Owned(bytes) => String::from_utf8(bytes).ok().map(Cow::Owned),
    }
}

/// `bytes` as MySQL's `latin1`: borrowed (or the owned buffer reused) when it is all
/// ASCII, else converted character by character.
fn decode_latin1(bytes: Cow<'_, [u8]>) -> Cow<'_, str> {
    if !bytes.is_ascii() {
        return Cow::Owned(latin1_to_string(&bytes));
    }
    // ASCII is valid UTF-8: the conversions below always succeed, the `Err` arms are
    // only there to avoid an `unwrap`.
    match bytes {
        Cow::Borrowed(bytes) => match std::str::from_utf8(bytes) {
            Ok(text) => Cow::Borrowed(text),
            Err(_) => Cow::Owned(latin1_to_string(bytes)),
        },
        Cow::Owned(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Cow::Owned(text),
            Err(error) => Cow::Owned(latin1_to_string(error.as_bytes())),
        },
    }
}

/// The characters MySQL's `latin1` gives the bytes 0x80 to 0x9F (`cs_to_uni` in
/// MySQL's `strings/ctype-latin1.cc`): cp1252's, with the C1 control of the same value
/// for the five bytes cp1252 leaves undefined. Every other byte is the Unicode code
/// point of the same value.
const LATIN1_80_TO_9F: [char; 32] = [
    '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}', '\u{017D}', '\u{008F}',
    '\u{0090}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
];

/// The character MySQL's `latin1` gives `byte`.
fn latin1_char(byte: u8) -> char {
    match byte {
        0x80..=0x9F => LATIN1_80_TO_9F
            .get(usize::from(byte - 0x80))
            .copied()
            .unwrap_or(char::from(byte)),
        _ => char::from(byte),
    }
}

/// `bytes` as MySQL's `latin1`, in a new `String`.
fn latin1_to_string(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 2);
    text.extend(bytes.iter().map(|&byte| latin1_char(byte)));
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_sorted_and_unique(table: &[Collation]) -> bool {
        table.windows(2).all(|pair| match pair {
            [(a, _), (b, _)] => a < b,
            _ => false,
        })
    }

    #[test]
    fn tables_are_sorted_unique_and_complete() {
        assert!(is_sorted_and_unique(&MYSQL_COLLATIONS));
        assert!(is_sorted_and_unique(&MARIADB_COLLATIONS));
        assert_eq!(MYSQL_COLLATIONS.len(), 286);
        assert_eq!(MARIADB_COLLATIONS.len(), 1286);
        // Every id of each table is found, and the gaps between them are not.
        for &(id, name) in MYSQL_COLLATIONS.iter() {
            assert_eq!(collation_name(id, false), Some(name));
        }
        for &(id, name) in MARIADB_COLLATIONS.iter() {
            assert_eq!(collation_name(id, true), Some(name));
        }
        for id in [
            0, 17, 100, 125, 152, 184, 216, 251, 254, 272, 276, 295, 299, 301, 302,
        ] {
            assert_eq!(collation_name(id, false), None, "MySQL {id}");
        }
        for id in [
            0, 17, 76, 100, 248, 272, 303, 308, 310, 323, 575, 1024, 2047, 3272,
        ] {
            assert_eq!(collation_name(id, true), None, "MariaDB {id}");
        }
        assert_eq!(collation_name(324, false), None);
        assert_eq!(collation_name(u16::MAX, false), None);
        assert_eq!(collation_name(u16::MAX, true), None);
    }

    #[test]
    fn well_known_ids() {
        for mariadb in [false, true] {
            assert_eq!(collation_name(8, mariadb), Some("latin1_swedish_ci"));
            assert_eq!(collation_name(33, mariadb), Some("utf8mb3_general_ci"));
            assert_eq!(collation_name(45, mariadb), Some("utf8mb4_general_ci"));
            assert_eq!(collation_name(46, mariadb), Some("utf8mb4_bin"));
            assert_eq!(collation_name(63, mariadb), Some("binary"));
            assert_eq!(collation_name(83, mariadb), Some("utf8mb3_bin"));
            assert_eq!(collation_name(224, mariadb), Some("utf8mb4_unicode_ci"));
            assert_eq!(collation_name(255, mariadb), Some("utf8mb4_0900_ai_ci"));
            assert_eq!(collation_name(309, mariadb), Some("utf8mb4_0900_bin"));
        }
        assert_eq!(collation_name(1, false), Some("big5_chinese_ci"));
        assert_eq!(collation_name(76, false), Some("utf8mb3_tolower_ci"));
        assert_eq!(collation_name(213, false), Some("utf8mb3_croatian_ci"));
        assert_eq!(collation_name(248, false), Some("gb18030_chinese_ci"));
        assert_eq!(collation_name(278, false), Some("utf8mb4_0900_as_cs"));
        assert_eq!(collation_name(303, false), Some("utf8mb4_ja_0900_as_cs"));
        assert_eq!(
            collation_name(323, false),
            Some("utf8mb4_mn_cyrl_0900_as_cs")
        );
        assert_eq!(collation_name(2048, false), None);

        assert_eq!(
            collation_name(213, true),
            Some("utf8mb3_croatian_mysql561_ci")
        );
        assert_eq!(
            collation_name(245, true),
            Some("utf8mb4_croatian_mysql561_ci")
        );
        assert_eq!(collation_name(576, true), Some("utf8mb3_croatian_ci"));
        assert_eq!(collation_name(608, true), Some("utf8mb4_croatian_ci"));
        assert_eq!(collation_name(738, true), Some("utf32_thai_520_w2"));
        assert_eq!(collation_name(1032, true), Some("latin1_swedish_nopad_ci"));
        assert_eq!(
            collation_name(1270, true),
            Some("utf8mb4_unicode_520_nopad_ci")
        );
        assert_eq!(collation_name(2048, true), Some("utf8mb3_uca1400_ai_ci"));
        assert_eq!(collation_name(2304, true), Some("utf8mb4_uca1400_ai_ci"));
        assert_eq!(
            collation_name(2308, true),
            Some("utf8mb4_uca1400_nopad_ai_ci")
        );
        assert_eq!(collation_name(2560, true), Some("ucs2_uca1400_ai_ci"));
        assert_eq!(collation_name(2816, true), Some("utf16_uca1400_ai_ci"));
        assert_eq!(collation_name(3072, true), Some("utf32_uca1400_ai_ci"));
        assert_eq!(
            collation_name(3271, true),
            Some("utf32_uca1400_croatian_nopad_as_cs")
        );
    }

    #[test]
    fn charsets() {
        for mariadb in [false, true] {
            assert_eq!(charset_of(8, mariadb), Some(Charset::Latin1));
            assert_eq!(charset_of(47, mariadb), Some(Charset::Latin1));
            assert_eq!(charset_of(11, mariadb), Some(Charset::Ascii));
            assert_eq!(charset_of(33, mariadb), Some(Charset::Utf8mb3));
            assert_eq!(charset_of(45, mariadb), Some(Charset::Utf8mb4));
            assert_eq!(charset_of(255, mariadb), Some(Charset::Utf8mb4));
            assert_eq!(charset_of(63, mariadb), Some(Charset::Binary));
            assert_eq!(charset_of(28, mariadb), Some(Charset::Other("gbk")));
            assert_eq!(charset_of(35, mariadb), Some(Charset::Other("ucs2")));
            assert_eq!(charset_of(54, mariadb), Some(Charset::Other("utf16")));
            assert_eq!(charset_of(56, mariadb), Some(Charset::Other("utf16le")));
            assert_eq!(charset_of(51, mariadb), Some(Charset::Other("cp1251")));
            assert_eq!(charset_of(0, mariadb), None);
        }
        assert_eq!(charset_of(248, false), Some(Charset::Other("gb18030")));
        assert_eq!(charset_of(1032, true), Some(Charset::Latin1));
        assert_eq!(charset_of(1035, true), Some(Charset::Ascii));
        assert_eq!(charset_of(1057, true), Some(Charset::Utf8mb3));
        assert_eq!(charset_of(2304, true), Some(Charset::Utf8mb4));
        assert_eq!(charset_of(2560, true), Some(Charset::Other("ucs2")));

        assert_eq!(mysql_charset_name(255, false), Some("utf8mb4"));
        assert_eq!(mysql_charset_name(33, false), Some("utf8mb3"));
        assert_eq!(mysql_charset_name(33, true), Some("utf8mb3"));
        assert_eq!(mysql_charset_name(63, true), Some("binary"));
        assert_eq!(mysql_charset_name(8, false), Some("latin1"));
        assert_eq!(mysql_charset_name(2048, true), Some("utf8mb3"));
        assert_eq!(mysql_charset_name(3271, true), Some("utf32"));
        assert_eq!(mysql_charset_name(2048, false), None);
    }

    /// `decode` looks ids up in both tables: that needs every id both define to have
    /// one character set.
    #[test]
    fn flavours_agree_on_every_shared_id() {
        let mut shared = 0;
        for &(id, _) in MYSQL_COLLATIONS.iter() {
            if let Some(mariadb) = mysql_charset_name(id, true) {
                assert_eq!(mysql_charset_name(id, false), Some(mariadb), "id {id}");
                shared += 1;
            }
        }
        // 219 ids below 256 (all but MySQL's 76 and 248 to 250), 44 `_0900_` aliases.
        assert_eq!(shared, 219 + 44);
    }

    #[test]
    fn every_name_starts_with_a_charset_name() {
        // The character sets of MySQL 8.0/9.x and MariaDB 10.11/11.x.
        const CHARSETS: [&str; 41] = [
            "armscii8", "ascii", "big5", "binary", "cp1250", "cp1251", "cp1256", "cp1257", "cp850",
            "cp852", "cp866", "cp932", "dec8", "eucjpms", "euckr", "gb18030", "gb2312", "gbk",
            "geostd8", "greek", "hebrew", "hp8", "keybcs2", "koi8r", "koi8u", "latin1", "latin2",
            "latin5", "latin7", "macce", "macroman", "sjis", "swe7", "tis620", "ucs2", "ujis",
            "utf16", "utf16le", "utf32", "utf8mb3", "utf8mb4",
        ];
        for &(id, name) in MYSQL_COLLATIONS.iter().chain(MARIADB_COLLATIONS.iter()) {
            assert!(CHARSETS.contains(&charset_part(name)), "{id} {name}");
        }
    }

    fn is_borrowed(text: &Option<Cow<'_, str>>) -> bool {
        matches!(text, Some(Cow::Borrowed(_)))
    }

    #[test]
    fn latin1_decoding() -> Result<(), &'static str> {
        let latin1 = |bytes: &'static [u8]| decode(Some(8), Cow::Borrowed(bytes));
        assert_eq!(latin1(&[0x80]).as_deref(), Some("\u{20AC}"));
        assert_eq!(latin1(&[0x80]).as_deref(), Some("€"));
        assert_eq!(latin1(&[0x81]).as_deref(), Some("\u{81}"));
        assert_eq!(latin1(&[0xE9]).as_deref(), Some("é"));
        assert_eq!(
            latin1(&[0x81, 0x8D, 0x8F, 0x90, 0x9D]).as_deref(),
            Some("\u{81}\u{8D}\u{8F}\u{90}\u{9D}")
        );
        assert_eq!(latin1(&[0x9F, 0xFF]).as_deref(), Some("Ÿÿ"));
        assert_eq!(latin1(b"caf\xE9").as_deref(), Some("café"));
        // Valid UTF-8 is still latin1 under a latin1 collation.
        assert_eq!(latin1("é".as_bytes()).as_deref(), Some("Ã©"));
        // ASCII passes through.
        assert!(is_borrowed(&latin1(b"plain")));
        assert!(!is_borrowed(&latin1(b"caf\xE9")));
        assert_eq!(latin1(b"").as_deref(), Some(""));

        // Every byte decodes, to one character, and the 0x80-0x9F ones as MySQL's
        // `cs_to_uni` says (checked against MariaDB 10.11's CONVERT(... USING utf32)).
        let all: Vec<u8> = (0..=255).collect();
        let Some(text) = decode(Some(47), Cow::Borrowed(&all)) else {
            return Err("latin1 did not decode");
        };
        assert_eq!(text.chars().count(), 256);
        for (byte, c) in all.iter().zip(text.chars()) {
            if !(0x80..=0x9F).contains(byte) {
                assert_eq!(u32::from(c), u32::from(*byte));
            }
        }
        let cp1252 = "€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8D}Ž\u{8F}\u{90}‘’“”•–—˜™š›œ\u{9D}žŸ";
        assert_eq!(text.chars().skip(0x80).take(32).collect::<String>(), cp1252);
        // MariaDB's no-pad latin1 collations decode the same way.
        assert_eq!(
            decode(Some(1071), Cow::Borrowed(&[0x80][..])).as_deref(),
            Some("€")
        );
        Ok(())
    }

    #[test]
    fn utf8_decoding() -> Result<(), String> {
        let text = "naïve 🦀";
        for id in [33, 45, 46, 83, 224, 255, 309, 2048, 2304] {
            let decoded = decode(Some(id), Cow::Borrowed(text.as_bytes()));
            assert_eq!(decoded.as_deref(), Some(text), "id {id}");
            assert!(is_borrowed(&decoded), "id {id}");
        }
        // Invalid UTF-8: a lone continuation byte, a truncated sequence, an encoded
        // surrogate, an overlong form.
        for bad in [&b"\x80"[..], b"\xE2\x82", b"\xED\xA0\x80", b"\xC0\xAF"] {
            assert_eq!(decode(Some(45), Cow::Borrowed(bad)), None);
            assert_eq!(decode(Some(33), Cow::Borrowed(bad)), None);
            assert_eq!(decode(None, Cow::Borrowed(bad)), None);
        }
        // An owned buffer is reused, not copied.
        let owned = text.as_bytes().to_vec();
        let address = owned.as_ptr();
        match decode(Some(255), Cow::Owned(owned)) {
            Some(Cow::Owned(s)) => {
                assert_eq!(s, text);
                assert_eq!(s.as_ptr(), address);
            }
            other => return Err(format!("{other:?}")),
        }
        Ok(())
    }

    #[test]
    fn unknown_collation_passes_valid_utf8_through() {
        let decoded = decode(None, Cow::Borrowed("héllo".as_bytes()));
        assert_eq!(decoded.as_deref(), Some("héllo"));
        assert!(is_borrowed(&decoded));
        assert_eq!(decode(None, Cow::Borrowed(&b"caf\xE9"[..])), None);
        assert_eq!(
            decode(None, Cow::Owned(b"abc".to_vec())).as_deref(),
            Some("abc")
        );
    }

    #[test]
    fn ascii_binary_and_other_charsets() {
        let decoded = decode(Some(11), Cow::Borrowed(&b"abc"[..]));
        assert_eq!(decoded.as_deref(), Some("abc"));
        assert!(is_borrowed(&decoded));
        assert_eq!(decode(Some(65), Cow::Borrowed(&b"ab\x80"[..])), None);
        assert_eq!(decode(Some(11), Cow::Borrowed("é".as_bytes())), None);
        assert_eq!(
            decode(Some(1035), Cow::Borrowed(&b"abc"[..])).as_deref(),
            Some("abc")
        );
        // binary and other character sets: None even for valid UTF-8.
        for id in [63, 28, 35, 54, 51, 248, 2560] {
            assert_eq!(
                decode(Some(id), Cow::Borrowed(&b"abc"[..])),
                None,
                "id {id}"
            );
        }
        // Ids neither flavour defines.
        for id in [0, 17, 324, 4000, u16::MAX] {
            assert_eq!(
                decode(Some(id), Cow::Borrowed(&b"abc"[..])),
                None,
                "id {id}"
            );
        }
    }
}
