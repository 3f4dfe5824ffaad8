//! Throughput of key-figure extraction on generated news-style text (sentences written for
//! this benchmark), at three sizes to show that the cost is linear in the input.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;

/// Figure-dense paragraphs in news style; the text is built by cycling through them.
const SENTENCES: &[&str] = &[
    "The company cut 1,200 jobs in the first quarter of 2025, about 8% of its workforce, and said it expects revenue of between $4.1bn and $4.4bn this year.",
    "Police said three men, aged 19, 22 and 31, were arrested on Tuesday night after a 45-minute chase that reached speeds of 110 mph.",
    "Shares of Tesla fell 4.2% to $182.50 on Thursday, while the Dow Jones Industrial Average lost 312 points, or 0.8%, to close at 38,950.",
    "The 28-year-old striker scored twice as Liverpool won 3-0, their 12th win in 15 games, extending their lead to five points.",
    "Rainfall of up to 150mm is forecast over the next 48 hours, and temperatures could drop to −5°C in the Highlands.",
    "The Senate voted 51-49 to confirm the nominee on Jan. 15, 2025, after a debate that lasted nearly 14 hours.",
    "Roughly two-thirds of respondents said they had cut spending, and one in four had skipped a meal in the past month.",
    "The government will spend ₹1.5 lakh crore on roads over five years, and the plan covers 2,500 km of new highways.",
    "The probe, which weighs 1,200 lb, will orbit at an altitude of 400 km for about 18 months.",
    "Unemployment rose to 4.3 per cent in August from 4.1 per cent in July, the highest since October 2021.",
    "The Bank of England cut rates by a quarter-point to 4.75%, its second cut this year.",
    "More than 2,000 people attended the rally in Berlin, where organisers said up to 10,000 had been expected.",
    "The vaccine was 94.5% effective in a trial of 30,000 volunteers, the company said on Monday, Nov. 16.",
    "A spokesman said the factory, which opened in 1998, employs 650 workers and produces 40,000 cars a year.",
    "Call 555-0142 or see page 12 of the report; the Model 3 and the Airbus A320 were also mentioned, as was Covid-19.",
    "The fire destroyed 3,400 acres and forced the evacuation of several thousand residents; crews worked until 11:30 p.m.",
    "She ran the marathon in 2:19:12, beating her previous best by 45 seconds.",
    "The deal, worth about €2.3 billion ($2.5 billion), is expected to close in the second half of 2025.",
    "Oil output reached 1.2 million barrels a day in March, up from 900,000 bpd a year earlier.",
    "The 15-year-old was one of 12 finalists, and the winner will receive a prize of £10,000.",
    "The G20 summit in Rio, the first since the COP29 talks, drew leaders from 19 countries and the EU.",
    "Apple unveiled the iPhone 17 and Samsung the Galaxy S25, while Microsoft said Windows 10 support ends in October.",
    "The Airbus A350-1000 and the Boeing 787-9 flew 7,500 nautical miles; the F-35 program costs $1.7 trillion.",
    "Under Section 230 and Article 50, the court ruled 6-3; Proposition 22 passed with 58% of the vote.",
    "The S&P 500 gained 0.5% and the FTSE 100 rose 12 points to 8,250, while the Nikkei 225 slipped 1%.",
    "Flight MH370 vanished in 2014 with 239 people on board; the Formula 1 season has 24 races.",
    "Nearly half of the 1,500 staff will move to the new site by 2027, the firm said in a statement on its website.",
    "Inflation in Argentina hit 211.4% in 2023, and the peso lost about 50% of its value against the dollar.",
    "The storm, a Category 4 hurricane with winds of 130 mph, made landfall at about 2 a.m. local time.",
    "Prices rose from $3.10 to $3.45 a gallon, while diesel climbed 12 cents.",
    "The population grew by 1.2 million to 68.3 million, according to figures published in June.",
    "Some 40 per cent of voters are undecided, compared with 35% a month ago.",
    "The team has won five of its last six matches and sits third, two points behind the leaders.",
    "Between 2010 and 2020, the number of students rose 25 per cent to 2.3 million.",
    "The 747 jumbo and the 5G network were discussed, as were Covid-19 vaccines and the UK's 10-year gilt.",
    "Workers will get a 3.5% pay rise from April, and a one-off payment of £1,500.",
    "Five people were killed and dozens injured when a train derailed near Lyon at 6.45am on Saturday.",
    "He served two terms as president, from 2009 to 2017, and won 365 electoral votes in 2008.",
    "The 1.5-litre engine produces 150 horsepower and the car weighs 1.4 tonnes.",
    "The drug cut deaths by a third and reduced hospital stays by 2.5 days on average.",
    "The committee met again after lunch and discussed the wording of the final statement at length.",
    "Critics said the plan was vague, and several members asked for more time to read the proposal.",
];

/// About `bytes` of text: sentences in a fixed pseudo-random order, paragraphs of five.
fn article(bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + 256);
    let mut state: u32 = 12345;
    let mut n = 0;
    while text.len() < bytes {
        state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        text.push_str(SENTENCES[(state >> 16) as usize % SENTENCES.len()]);
        n += 1;
        text.push_str(if n % 5 == 0 { "\n\n" } else { " " });
    }
    text
}

fn figures(c: &mut Criterion) {
    let mut group = c.benchmark_group("figures");
    group.sample_size(20);
    for size in [100_000, 1_000_000, 4_000_000] {
        let text = article(size);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("figures", size), &text, |b, t| {
            b.iter(|| nutshell::figures(black_box(t)))
        });
    }
    let text = article(1_000_000);
    let segments = nutshell::segment::segment(&text);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("extract_only/1000000", |b| {
        b.iter(|| nutshell::figures::extract(black_box(&text), black_box(&segments)))
    });
    group.finish();
}

criterion_group!(benches, figures);
criterion_main!(benches);
