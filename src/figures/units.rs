//! Unit and currency tables, and the matcher that finds their phrases in the tokens.
//!
//! Input: the tokens after (or before) a number. Output: the longest table phrase that
//! matches there — its canonical unit (schema names: `km`, `mi2`, `°C`, `bbl/d`, `%`, `pp`,
//! ISO 4217 codes…), what kind of figure it makes, and a factor to the canonical unit
//! ("basis points" → pp × 0.01, "cents" → USD × 0.01). Phrases are written token by token
//! separated by spaces; a part ending in `(s)`/`(es)` also matches its plural; a phrase with
//! an uppercase letter matches case-sensitively ("C" after a number is Celsius, "c" is not).
//! Cost: the tables' phrases are split into parts once (OnceLock), with the keys of their
//! forms, and the keys of their first parts put in a hash table ([`KeyTable`]); a lookup
//! makes the token's key, finds its bucket (for nearly every token an empty one) and
//! compares only the phrases that start with that word, each in O(phrase length) integer
//! comparisons (strings only for the case-sensitive ones).

use super::lexicon::KeyTable;
use super::token::Doc;
use crate::wordkey::word_key_of;
use std::sync::OnceLock;

/// What kind of figure a unit makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitKind {
    /// A physical or index quantity.
    Measure,
    /// A length of time.
    Duration,
    /// An age ("-year-old").
    Age,
    /// Percent or percentage points.
    Percent,
    /// A currency.
    Money,
}

/// A row of a unit table.
pub struct Unit {
    /// The phrase, token by token.
    pub phrase: &'static str,
    /// The canonical unit or ISO code.
    pub canon: &'static str,
    /// The kind of figure.
    pub kind: UnitKind,
    /// Factor from the phrase's unit to the canonical one.
    pub factor: f64,
}

const fn u(phrase: &'static str, canon: &'static str, kind: UnitKind, factor: f64) -> Unit {
    Unit {
        phrase,
        canon,
        kind,
        factor,
    }
}

use UnitKind::{Age as A, Duration as D, Measure as M, Money as C, Percent as P};

/// Units written after a number.
pub const AFTER: &[Unit] = &[
    // percent
    u("%", "%", P, 1.0),
    u("per cent", "%", P, 1.0),
    u("percent(s)", "%", P, 1.0),
    u("percentage", "%", P, 1.0),
    u("pct", "%", P, 1.0),
    u("pc", "%", P, 1.0),
    u("percentage point(s)", "pp", P, 1.0),
    u("percent point(s)", "pp", P, 1.0),
    u("per cent point(s)", "pp", P, 1.0),
    u("percentage - point", "pp", P, 1.0),
    u("pp", "pp", P, 1.0),
    u("basis point(s)", "pp", P, 0.01),
    u("basis - point", "pp", P, 0.01),
    u("bps", "pp", P, 0.01),
    u("bp", "pp", P, 0.01),
    // age (before durations: longer phrases win anyway)
    u("year(s) - old(s)", "year", A, 1.0),
    u("year(s) old", "year", A, 1.0),
    u("year(s) of age", "year", A, 1.0),
    u("month(s) - old(s)", "month", A, 1.0),
    u("month(s) old", "month", A, 1.0),
    u("month(s) of age", "month", A, 1.0),
    u("week(s) - old(s)", "week", A, 1.0),
    u("week(s) old", "week", A, 1.0),
    u("week(s) of age", "week", A, 1.0),
    u("day(s) - old(s)", "day", A, 1.0),
    u("day(s) old", "day", A, 1.0),
    u("yo", "year", A, 1.0),
    // duration
    u("millisecond(s)", "s", D, 0.001),
    u("second(s)", "s", D, 1.0),
    u("sec(s)", "s", D, 1.0),
    u("minute(s)", "min", D, 1.0),
    u("min(s)", "min", D, 1.0),
    u("hour(s)", "h", D, 1.0),
    u("hr(s)", "h", D, 1.0),
    u("day(s)", "day", D, 1.0),
    u("week(s)", "week", D, 1.0),
    u("fortnight(s)", "week", D, 2.0),
    u("month(s)", "month", D, 1.0),
    u("year(s)", "year", D, 1.0),
    u("yr(s)", "year", D, 1.0),
    u("decade(s)", "decade", D, 1.0),
    u("century", "century", D, 1.0),
    u("centuries", "century", D, 1.0),
    // length
    u("mm", "mm", M, 1.0),
    u("millimetre(s)", "mm", M, 1.0),
    u("millimeter(s)", "mm", M, 1.0),
    u("cm", "cm", M, 1.0),
    u("centimetre(s)", "cm", M, 1.0),
    u("centimeter(s)", "cm", M, 1.0),
    u("dm", "dm", M, 1.0),
    u("decimetre(s)", "dm", M, 1.0),
    u("decimeter(s)", "dm", M, 1.0),
    u("m", "m", M, 1.0),
    u("metre(s)", "m", M, 1.0),
    u("meter(s)", "m", M, 1.0),
    u("km", "km", M, 1.0),
    u("kms", "km", M, 1.0),
    u("kilometre(s)", "km", M, 1.0),
    u("kilometer(s)", "km", M, 1.0),
    u("inch(es)", "in", M, 1.0),
    u("ft", "ft", M, 1.0),
    u("foot", "ft", M, 1.0),
    u("feet", "ft", M, 1.0),
    u("yard(s)", "yd", M, 1.0),
    u("yd(s)", "yd", M, 1.0),
    u("mile(s)", "mi", M, 1.0),
    u("mi", "mi", M, 1.0),
    u("nautical mile(s)", "nmi", M, 1.0),
    u("light - year(s)", "ly", M, 1.0),
    u("light year(s)", "ly", M, 1.0),
    u("nanometre(s)", "nm", M, 1.0),
    u("nanometer(s)", "nm", M, 1.0),
    u("nm", "nm", M, 1.0),
    // area
    u("m2", "m2", M, 1.0),
    u("m²", "m2", M, 1.0),
    u("sq m", "m2", M, 1.0),
    u("square metre(s)", "m2", M, 1.0),
    u("square meter(s)", "m2", M, 1.0),
    u("km2", "km2", M, 1.0),
    u("km²", "km2", M, 1.0),
    u("sq km", "km2", M, 1.0),
    u("square kilometre(s)", "km2", M, 1.0),
    u("square kilometer(s)", "km2", M, 1.0),
    u("hectare(s)", "ha", M, 1.0),
    u("ha", "ha", M, 1.0),
    u("acre(s)", "acre", M, 1.0),
    u("square foot", "ft2", M, 1.0),
    u("square feet", "ft2", M, 1.0),
    u("sq ft", "ft2", M, 1.0),
    u("ft2", "ft2", M, 1.0),
    u("square mile(s)", "mi2", M, 1.0),
    u("sq mi", "mi2", M, 1.0),
    u("mi2", "mi2", M, 1.0),
    u("mi²", "mi2", M, 1.0),
    // volume
    u("ml", "mL", M, 1.0),
    u("millilitre(s)", "mL", M, 1.0),
    u("milliliter(s)", "mL", M, 1.0),
    u("L", "L", M, 1.0),
    u("litre(s)", "L", M, 1.0),
    u("liter(s)", "L", M, 1.0),
    u("m3", "m3", M, 1.0),
    u("m³", "m3", M, 1.0),
    u("cubic metre(s)", "m3", M, 1.0),
    u("cubic meter(s)", "m3", M, 1.0),
    u("cubic foot", "ft3", M, 1.0),
    u("cubic feet", "ft3", M, 1.0),
    u("gallon(s)", "gal", M, 1.0),
    u("gal", "gal", M, 1.0),
    u("barrel(s)", "bbl", M, 1.0),
    u("bbl", "bbl", M, 1.0),
    u("barrel(s) per day", "bbl/d", M, 1.0),
    u("barrel(s) a day", "bbl/d", M, 1.0),
    u("bpd", "bbl/d", M, 1.0),
    u("b / d", "bbl/d", M, 1.0),
    u("bushel(s) per acre", "bu/acre", M, 1.0),
    u("bushel(s) an acre", "bu/acre", M, 1.0),
    u("litre(s) per square metre", "L/m2", M, 1.0),
    u("liter(s) per square meter", "L/m2", M, 1.0),
    u("l / m2", "L/m2", M, 1.0),
    // mass
    u("μg", "μg", M, 1.0),
    u("mcg", "μg", M, 1.0),
    u("microgram(s)", "μg", M, 1.0),
    u("microgramme(s)", "μg", M, 1.0),
    u("mg", "mg", M, 1.0),
    u("milligram(s)", "mg", M, 1.0),
    u("g", "g", M, 1.0),
    u("gram(s)", "g", M, 1.0),
    u("gramme(s)", "g", M, 1.0),
    u("kg", "kg", M, 1.0),
    u("kgs", "kg", M, 1.0),
    u("kilo(s)", "kg", M, 1.0),
    u("kilogram(s)", "kg", M, 1.0),
    u("kilogramme(s)", "kg", M, 1.0),
    u("t", "t", M, 1.0),
    u("tonne(s)", "t", M, 1.0),
    u("ton(s)", "t", M, 1.0),
    u("metric ton(s)", "t", M, 1.0),
    u("metric tonne(s)", "t", M, 1.0),
    u("lb(s)", "lb", M, 1.0),
    u("pound(s)", "lb", M, 1.0),
    u("oz", "oz", M, 1.0),
    u("ounce(s)", "oz", M, 1.0),
    u("troy ounce(s)", "oz", M, 1.0),
    // speed
    u("km / h", "km/h", M, 1.0),
    u("km / hr", "km/h", M, 1.0),
    u("kph", "km/h", M, 1.0),
    u("kmh", "km/h", M, 1.0),
    u("kmph", "km/h", M, 1.0),
    u("kilometre(s) per hour", "km/h", M, 1.0),
    u("kilometer(s) per hour", "km/h", M, 1.0),
    u("kilometre(s) an hour", "km/h", M, 1.0),
    u("kilometer(s) an hour", "km/h", M, 1.0),
    u("mph", "mph", M, 1.0),
    u("mile(s) per hour", "mph", M, 1.0),
    u("mile(s) an hour", "mph", M, 1.0),
    u("m / s", "m/s", M, 1.0),
    u("km / s", "km/s", M, 1.0),
    u("km per second", "km/s", M, 1.0),
    u("kilometre(s) per second", "km/s", M, 1.0),
    u("kilometer(s) per second", "km/s", M, 1.0),
    u("kilometre(s) a second", "km/s", M, 1.0),
    u("kilometer(s) a second", "km/s", M, 1.0),
    u("km per hour", "km/h", M, 1.0),
    u("km an hour", "km/h", M, 1.0),
    u("metre(s) per second", "m/s", M, 1.0),
    u("meter(s) per second", "m/s", M, 1.0),
    u("knot(s)", "kn", M, 1.0),
    u("horsepower", "hp", M, 1.0),
    u("hp", "hp", M, 1.0),
    // kitchen and angles
    u("tablespoon(s)", "tbsp", M, 1.0),
    u("tbsp", "tbsp", M, 1.0),
    u("teaspoon(s)", "tsp", M, 1.0),
    u("tsp", "tsp", M, 1.0),
    u("rad", "rad", M, 1.0),
    u("drachma(s)", "dr", M, 1.0),
    u("radian(s)", "rad", M, 1.0),
    u("picometre(s)", "pm", M, 1.0),
    u("picometer(s)", "pm", M, 1.0),
    // power and energy
    u("W", "W", M, 1.0),
    u("watt(s)", "W", M, 1.0),
    u("kW", "kW", M, 1.0),
    u("kilowatt(s)", "kW", M, 1.0),
    u("MW", "MW", M, 1.0),
    u("megawatt(s)", "MW", M, 1.0),
    u("GW", "GW", M, 1.0),
    u("gigawatt(s)", "GW", M, 1.0),
    u("kWh", "kWh", M, 1.0),
    u("kilowatt - hour(s)", "kWh", M, 1.0),
    u("kilowatt hour(s)", "kWh", M, 1.0),
    u("MWh", "MWh", M, 1.0),
    u("megawatt - hour(s)", "MWh", M, 1.0),
    u("megawatt hour(s)", "MWh", M, 1.0),
    u("GWh", "GWh", M, 1.0),
    u("gigawatt - hour(s)", "GWh", M, 1.0),
    u("gigawatt hour(s)", "GWh", M, 1.0),
    u("TWh", "TWh", M, 1.0),
    u("terawatt - hour(s)", "TWh", M, 1.0),
    u("terawatt hour(s)", "TWh", M, 1.0),
    // data
    u("KB", "KB", M, 1.0),
    u("kilobyte(s)", "KB", M, 1.0),
    u("MB", "MB", M, 1.0),
    u("mb", "MB", M, 1.0),
    u("megabyte(s)", "MB", M, 1.0),
    u("GB", "GB", M, 1.0),
    u("gigabyte(s)", "GB", M, 1.0),
    u("TB", "TB", M, 1.0),
    u("terabyte(s)", "TB", M, 1.0),
    u("bit(s)", "bit", M, 1.0),
    // temperature
    u("° C", "°C", M, 1.0),
    u("°", "°", M, 1.0),
    u("℃", "°C", M, 1.0),
    u("C", "°C", M, 1.0),
    u("° F", "°F", M, 1.0),
    u("℉", "°F", M, 1.0),
    u("F", "°F", M, 1.0),
    u("degree(s)", "°", M, 1.0),
    u("deg", "°", M, 1.0),
    u("deg .", "°", M, 1.0),
    u("degree(s) celsius", "°C", M, 1.0),
    u("degree(s) centigrade", "°C", M, 1.0),
    u("degree(s) c", "°C", M, 1.0),
    u("deg celsius", "°C", M, 1.0),
    u("deg c", "°C", M, 1.0),
    u("celsius", "°C", M, 1.0),
    u("celcius", "°C", M, 1.0),
    u("centigrade", "°C", M, 1.0),
    u("centigrate", "°C", M, 1.0),
    u("degree(s) fahrenheit", "°F", M, 1.0),
    u("degree(s) farenheit", "°F", M, 1.0),
    u("degree(s) f", "°F", M, 1.0),
    u("fahrenheit", "°F", M, 1.0),
    u("farenheit", "°F", M, 1.0),
    // seismic and storms
    u("- magnitude", "magnitude", M, 1.0),
    u("magnitude", "magnitude", M, 1.0),
    u("on the Richter scale", "magnitude", M, 1.0),
    // index points (kept only in a market context, see mod.rs)
    u("point(s)", "point", M, 1.0),
    u("pts", "point", M, 1.0),
];

/// Currencies written after a number ("420 million euros", "50 cents", "100元").
pub const CURRENCY_AFTER: &[Unit] = &[
    u("dollar(s)", "USD", C, 1.0),
    u("US dollar(s)", "USD", C, 1.0),
    u("us dollar(s)", "USD", C, 1.0),
    u("U . S . dollar(s)", "USD", C, 1.0),
    u("u . s . dollar(s)", "USD", C, 1.0),
    u("american dollar(s)", "USD", C, 1.0),
    u("australian dollar(s)", "AUD", C, 1.0),
    u("canadian dollar(s)", "CAD", C, 1.0),
    u("hong kong dollar(s)", "HKD", C, 1.0),
    u("new zealand dollar(s)", "NZD", C, 1.0),
    u("singapore dollar(s)", "SGD", C, 1.0),
    u("taiwan dollar(s)", "TWD", C, 1.0),
    u("new taiwan dollar(s)", "TWD", C, 1.0),
    u("euro(s)", "EUR", C, 1.0),
    u("pound(s) sterling", "GBP", C, 1.0),
    u("pound(s)", "GBP", C, 1.0),
    u("sterling", "GBP", C, 1.0),
    u("pence", "GBP", C, 0.01),
    u("penny", "GBP", C, 0.01),
    u("p", "GBP", C, 0.01),
    u("cent(s)", "USD", C, 0.01),
    u("yen", "JPY", C, 1.0),
    u("yuan", "CNY", C, 1.0),
    u("chinese yuan", "CNY", C, 1.0),
    u("renminbi", "CNY", C, 1.0),
    u("rmb", "CNY", C, 1.0),
    u("元", "CNY", C, 1.0),
    u("rupee(s)", "INR", C, 1.0),
    u("indian rupee(s)", "INR", C, 1.0),
    u("pakistani rupee(s)", "PKR", C, 1.0),
    u("rand", "ZAR", C, 1.0),
    u("naira", "NGN", C, 1.0),
    u("shilling(s)", "KES", C, 1.0),
    u("kenyan shilling(s)", "KES", C, 1.0),
    u("ugandan shilling(s)", "UGX", C, 1.0),
    u("tanzanian shilling(s)", "TZS", C, 1.0),
    u("cedi(s)", "GHS", C, 1.0),
    u("egyptian pound(s)", "EGP", C, 1.0),
    u("reais", "BRL", C, 1.0),
    u("peso(s)", "MXN", C, 1.0),
    u("mexican peso(s)", "MXN", C, 1.0),
    u("argentine peso(s)", "ARS", C, 1.0),
    u("philippine peso(s)", "PHP", C, 1.0),
    u("chilean peso(s)", "CLP", C, 1.0),
    u("colombian peso(s)", "COP", C, 1.0),
    u("franc(s)", "CHF", C, 1.0),
    u("swiss franc(s)", "CHF", C, 1.0),
    u("rouble(s)", "RUB", C, 1.0),
    u("ruble(s)", "RUB", C, 1.0),
    u("hryvnia(s)", "UAH", C, 1.0),
    u("shekel(s)", "ILS", C, 1.0),
    u("riyal(s)", "SAR", C, 1.0),
    u("dirham(s)", "AED", C, 1.0),
    u("ringgit", "MYR", C, 1.0),
    u("baht", "THB", C, 1.0),
    u("rupiah", "IDR", C, 1.0),
    u("lira", "TRY", C, 1.0),
    u("turkish lira", "TRY", C, 1.0),
    u("kronor", "SEK", C, 1.0),
    u("krona", "SEK", C, 1.0),
    u("swedish kronor", "SEK", C, 1.0),
    u("kroner", "NOK", C, 1.0),
    u("norwegian kroner", "NOK", C, 1.0),
    u("danish kroner", "DKK", C, 1.0),
    u("zloty(s)", "PLN", C, 1.0),
    u("forint(s)", "HUF", C, 1.0),
    u("koruna", "CZK", C, 1.0),
    u("finnish markka", "FIM", C, 1.0),
    u("dutch guilder(s)", "NLG", C, 1.0),
    u("guilder(s)", "NLG", C, 1.0),
    u("peseta(s)", "ESP", C, 1.0),
    u("bitcoin(s)", "BTC", C, 1.0),
    u("btc", "BTC", C, 1.0),
    u("₡", "CRC", C, 1.0),
    u("₾", "GEL", C, 1.0),
    u("₭", "LAK", C, 1.0),
    u("ரூ", "LKR", C, 1.0),
    u("€", "EUR", C, 1.0),
    u("$", "USD", C, 1.0),
];

/// Currency signs and codes written before a number ("$", "US$", "HK $", "Rs", "€").
pub const CURRENCY_BEFORE: &[Unit] = &[
    u("$", "USD", C, 1.0),
    u("US $", "USD", C, 1.0),
    u("us $", "USD", C, 1.0),
    u("U . S . $", "USD", C, 1.0),
    u("u . s $", "USD", C, 1.0),
    u("usd $", "USD", C, 1.0),
    u("A $", "AUD", C, 1.0),
    u("AU $", "AUD", C, 1.0),
    u("aud $", "AUD", C, 1.0),
    u("C $", "CAD", C, 1.0),
    u("c $", "CAD", C, 1.0),
    u("CA $", "CAD", C, 1.0),
    u("cad $", "CAD", C, 1.0),
    u("HK $", "HKD", C, 1.0),
    u("hk $", "HKD", C, 1.0),
    u("NZ $", "NZD", C, 1.0),
    u("nzd $", "NZD", C, 1.0),
    u("S $", "SGD", C, 1.0),
    u("NT $", "TWD", C, 1.0),
    u("R $", "BRL", C, 1.0),
    u("mex $", "MXN", C, 1.0),
    u("mxn $", "MXN", C, 1.0),
    u("€", "EUR", C, 1.0),
    u("£", "GBP", C, 1.0),
    u("¥", "JPY", C, 1.0),
    u("₹", "INR", C, 1.0),
    u("Rs", "INR", C, 1.0),
    u("Rs .", "INR", C, 1.0),
    u("rs", "INR", C, 1.0),
    u("rs .", "INR", C, 1.0),
    u("₩", "KRW", C, 1.0),
    u("₽", "RUB", C, 1.0),
    u("₺", "TRY", C, 1.0),
    u("₦", "NGN", C, 1.0),
    u("₴", "UAH", C, 1.0),
    u("₪", "ILS", C, 1.0),
    u("₱", "PHP", C, 1.0),
    u("₿", "BTC", C, 1.0),
    u("dollar", "USD", C, 1.0),
];

/// ISO 4217 codes recognised before or after a number ("USD 200", "200 EUR"); sorted, for
/// binary search ([`find_iso_code`]).
pub const ISO_CODES: &[&str] = &[
    "AED", "ARS", "AUD", "BDT", "BRL", "CAD", "CHF", "CLP", "CNY", "COP", "CZK", "DKK", "EGP",
    "EUR", "GBP", "HKD", "HUF", "IDR", "ILS", "INR", "ISK", "JPY", "KES", "KRW", "MXN", "MYR",
    "NGN", "NOK", "NZD", "PEN", "PHP", "PKR", "PLN", "RMB", "RON", "RUB", "SAR", "SEK", "SGD",
    "THB", "TRY", "TWD", "UAH", "USD", "VND", "ZAR",
];

/// Three bytes as one integer, in the same order as the bytes compare.
const fn three_byte_key(a: u8, b: u8, c: u8) -> u32 {
    (a as u32) << 16 | (b as u32) << 8 | c as u32
}

/// [`ISO_CODES`] as [`three_byte_key`]s (sorted like the codes), so that a lookup, made for
/// every three-letter word of a text, compares integers rather than calling `memcmp`.
const ISO_CODE_KEYS: [u32; ISO_CODES.len()] = {
    let mut keys = [0u32; ISO_CODES.len()];
    let mut i = 0;
    while i < ISO_CODES.len() {
        let code = ISO_CODES[i].as_bytes();
        keys[i] = three_byte_key(code[0], code[1], code[2]);
        i += 1;
    }
    keys
};

/// The code in [`ISO_CODES`] equal to `s` ignoring ASCII case.
pub fn find_iso_code(s: &str) -> Option<&'static str> {
    let [a, b, c] = *<&[u8; 3]>::try_from(s.as_bytes()).ok()?;
    let [a, b, c] = [a, b, c].map(|x| x.to_ascii_uppercase());
    let k = ISO_CODE_KEYS.binary_search(&three_byte_key(a, b, c)).ok()?;
    Some(ISO_CODES[k])
}

/// An ISO code at token `k` (all upper or all lower case), as the canonical code, with the
/// factor of a finance-style "M" prefix ("MUSD" = million dollars).
pub fn iso_code(doc: &Doc, k: usize) -> Option<(&'static str, f64)> {
    // three or four bytes, told before the text is sliced: most tokens after a number fail
    if !doc.word(k) || !matches!(doc.bytes(k).len(), 3 | 4) {
        return None;
    }
    let s = doc.s(k);
    if s.len() == 4 && s.starts_with('M') && s.bytes().all(|b| b.is_ascii_uppercase()) {
        let code = find_iso_code(&s[1..])?;
        return Some((code, 1e6));
    }
    if s.len() != 3 {
        return None;
    }
    let code = find_iso_code(s)?;
    // lowercase codes only when the whole token is lowercase or uppercase (not "Sen", "Pen")
    let same_case =
        s.bytes().all(|b| b.is_ascii_uppercase()) || s.bytes().all(|b| b.is_ascii_lowercase());
    if !same_case {
        return None;
    }
    Some((if code == "RMB" { "CNY" } else { code }, 1.0))
}

/// A table's phrases split into parts, and the keys of their first parts, built once.
struct Index {
    /// The [`Doc::key_any`] of each form of each row's first part (singular, and plural if
    /// it has one), lowercased, to the row: the rows that may start at a token are one
    /// look-up away (rows of a key in table order).
    firsts: KeyTable,
    /// Each row's parts after the first, and whether it matches case-sensitively.
    rows: Vec<Row>,
}

/// A row of a table as it is matched.
struct Row {
    head: Part,
    rest: Vec<Part>,
    sensitive: bool,
}

/// One token of a phrase: the word, and the plural ending it may take ("" for none), read
/// from "(s)"/"(es)" once rather than at each comparison; and the keys of its forms
/// lowercased, so that a case-insensitive part is matched by comparing integers.
#[derive(Clone, Copy)]
struct Part {
    base: &'static str,
    plural: &'static str,
    /// The keys of the base and of the plural (the base's again without one).
    keys: [u128; 2],
}

impl Part {
    fn of(part: &'static str) -> Part {
        let (base, plural) = [("(s)", "s"), ("(es)", "es")]
            .into_iter()
            .find_map(|(marker, plural)| Some((part.strip_suffix(marker)?, plural)))
            .unwrap_or((part, ""));
        let mut keys = [0; 2];
        for (key, form) in keys.iter_mut().zip(Self::forms_of(base, plural).cycle()) {
            // every part is at most 16 bytes (a test checks): it has a key
            *key = word_key_of(&form).unwrap_or(0);
        }
        Part { base, plural, keys }
    }

    /// The lowercased forms a part matches: the base, and the base with its plural.
    fn forms_of(base: &str, plural: &str) -> impl Iterator<Item = String> + Clone {
        let plural = (!plural.is_empty()).then(|| base.to_string() + plural);
        std::iter::once(base.to_string())
            .chain(plural)
            .map(|f| f.to_ascii_lowercase())
    }
}

fn index(table: &'static [Unit]) -> Index {
    let mut firsts = Vec::new();
    let mut rows = Vec::with_capacity(table.len());
    for (i, row) in table.iter().enumerate() {
        let mut parts = row.phrase.split(' ').map(Part::of);
        let head = parts.next().unwrap_or(Part::of(""));
        for &k in head
            .keys
            .iter()
            .take(if head.plural.is_empty() { 1 } else { 2 })
        {
            firsts.push((k, i as u16));
        }
        rows.push(Row {
            head,
            rest: parts.collect(),
            sensitive: sensitive(row.phrase),
        });
    }
    Index {
        firsts: KeyTable::new(&firsts),
        rows,
    }
}

/// Phrases with an uppercase letter, and one-letter units, match case-sensitively: "g" is a
/// gram, "5G" a network.
fn sensitive(phrase: &str) -> bool {
    phrase.bytes().any(|b| b.is_ascii_uppercase()) || phrase.len() == 1
}

/// Which table to search.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Table {
    /// Units after a number.
    After,
    /// Currencies after a number.
    CurrencyAfter,
    /// Currency signs before a number.
    CurrencyBefore,
}

/// The tables' indexes, built on first use.
struct Indexes {
    after: Index,
    currency_after: Index,
    currency_before: Index,
}

fn table(t: Table) -> (&'static [Unit], &'static Index) {
    static INDEXES: OnceLock<Indexes> = OnceLock::new();
    let indexes = INDEXES.get_or_init(|| Indexes {
        after: index(AFTER),
        currency_after: index(CURRENCY_AFTER),
        currency_before: index(CURRENCY_BEFORE),
    });
    match t {
        Table::After => (AFTER, &indexes.after),
        Table::CurrencyAfter => (CURRENCY_AFTER, &indexes.currency_after),
        Table::CurrencyBefore => (CURRENCY_BEFORE, &indexes.currency_before),
    }
}

/// The longest phrase of table `t` starting at token `k`: the row and the end token.
pub fn lookup(doc: &Doc, k: usize, t: Table) -> Option<(&'static Unit, usize)> {
    // the token's key finds the rows whose first part it may be: for nearly every token
    // none, in an empty bucket
    let key = doc.key_any(k)?;
    let (units, idx) = table(t);
    let mut best: Option<(&'static Unit, usize)> = None;
    // the key of the next token, read once for all the rows that start here
    let mut next: Option<Option<Option<u128>>> = None;
    for &(f, r) in idx.firsts.bucket(key) {
        if f != key {
            continue;
        }
        let (unit, row) = (&units[usize::from(r)], &idx.rows[usize::from(r)]);
        // equal keys: the token is a form of the first part up to ASCII case, which is all
        // a case-insensitive part asks
        if row.sensitive && !part_matches(&row.head, doc.s(k)) {
            continue;
        }
        let end = if row.rest.is_empty() {
            Some(k + 1)
        } else {
            let next = *next.get_or_insert_with(|| {
                (k + 1 < doc.len() && !doc.brk(k + 1)).then(|| doc.key_any(k + 1))
            });
            match_rest(doc, k + 1, row, next)
        };
        if let Some(end) = end {
            if best.is_none_or(|(_, e)| end > e) {
                best = Some((unit, end));
            }
        }
    }
    best
}

/// Matches a row's parts after its first token by token from `j`, each on the same line as
/// the first; the end token on success. `next`: the key of token `j` (`None` past the end
/// or on another line; `Some(None)` for a long token).
fn match_rest(doc: &Doc, mut j: usize, row: &Row, next: Option<Option<u128>>) -> Option<usize> {
    for (n, part) in row.rest.iter().enumerate() {
        let key = if n == 0 {
            next?
        } else {
            if j >= doc.len() || doc.brk(j) {
                return None;
            }
            doc.key_any(j)
        };
        let matches = if row.sensitive {
            part_matches(part, doc.s(j))
        } else {
            key.is_some_and(|k| part.keys.contains(&k))
        };
        if !matches {
            return None;
        }
        j += 1;
    }
    // tokens are whole words, so "m" never matches the start of "mice"
    Some(j)
}

/// Whether `tok` is the part as written, or its plural (case-sensitive rows).
fn part_matches(part: &Part, tok: &str) -> bool {
    let base = part.base;
    match tok.strip_prefix(base) {
        Some("") => true,
        Some(rest) => !part.plural.is_empty() && rest.eq_ignore_ascii_case(part.plural),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit_of(text: &str, t: Table) -> Option<(&'static str, usize)> {
        let doc = Doc::new(text);
        lookup(&doc, 0, t).map(|(u, end)| (u.canon, end))
    }

    #[test]
    fn iso_codes_are_sorted_and_found_in_any_case() {
        assert!(ISO_CODES.windows(2).all(|w| w[0] < w[1]));
        assert!(ISO_CODE_KEYS.windows(2).all(|w| w[0] < w[1]));
        for code in ISO_CODES {
            assert_eq!(find_iso_code(&code.to_ascii_lowercase()), Some(*code));
        }
        assert_eq!(find_iso_code("the"), None);
        assert_eq!(find_iso_code("US"), None);
        assert_eq!(find_iso_code("USDX"), None);
    }

    #[test]
    fn longest_phrase_wins() {
        assert_eq!(
            unit_of("square miles of land", Table::After),
            Some(("mi2", 2))
        );
        assert_eq!(unit_of("miles an hour", Table::After), Some(("mph", 3)));
        assert_eq!(unit_of("barrels per day", Table::After), Some(("bbl/d", 3)));
        assert_eq!(unit_of("year-old man", Table::After), Some(("year", 3)));
        assert_eq!(
            unit_of("Swiss francs", Table::CurrencyAfter),
            Some(("CHF", 2))
        );
        assert_eq!(unit_of("HK$", Table::CurrencyBefore), Some(("HKD", 2)));
    }

    /// Every phrase of every table, written out singular and plural, is found whole: the
    /// length prefilter and the parts read once turn no row away that matches.
    #[test]
    fn every_phrase_is_found() {
        for (t, rows) in [
            (Table::After, AFTER),
            (Table::CurrencyAfter, CURRENCY_AFTER),
            (Table::CurrencyBefore, CURRENCY_BEFORE),
        ] {
            for row in rows {
                let parts: Vec<Part> = row.phrase.split(' ').map(Part::of).collect();
                for plural in [false, true] {
                    let words: Vec<String> = parts
                        .iter()
                        .map(|p| p.base.to_string() + if plural { p.plural } else { "" })
                        .collect();
                    let text = words.join(" ");
                    let doc = Doc::new(&text);
                    if doc.len() != parts.len() {
                        continue;
                    }
                    let found = lookup(&doc, 0, t).map(|(_, end)| end);
                    assert_eq!(found, Some(parts.len()), "{text:?}");
                }
            }
        }
    }

    /// Every form of every part has a key, so that the index finds every row and the
    /// parts after the first are compared as keys.
    #[test]
    fn every_part_has_a_key() {
        for rows in [AFTER, CURRENCY_AFTER, CURRENCY_BEFORE] {
            for row in rows {
                for part in row.phrase.split(' ') {
                    let part = Part::of(part);
                    for form in Part::forms_of(part.base, part.plural) {
                        assert!(word_key_of(&form).is_some(), "{form:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn case_and_plurals() {
        assert_eq!(unit_of("C", Table::After), Some(("°C", 1)));
        assert_eq!(unit_of("c", Table::After), None);
        assert_eq!(unit_of("inches", Table::After), Some(("in", 1)));
        assert_eq!(unit_of("mice", Table::After), None);
    }
}
