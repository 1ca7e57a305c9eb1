# Fairhire advisory reports (PDF): every label, in English.
# Written by the Fairhire team. Every message here must exist in es/ and fr/
# (worker/src/report/i18n.rs tests check it). A message a language lacks falls
# back to English. `value-…` messages name stored values (bands, severities,
# statuses, fee categories); `month-…` and `date-long` write dates.

## Labels
title = Ethical recruitment advisory report
page_of = page { $n } of { $total }
confidential = Confidential: prepared for the client named above and the supplier assessed. Do not distribute further without the client’s consent. It contains no worker’s name; workers are referred to by pseudonymous references.
client = Client
supplier = Supplier
country = Country
sector = Sector
date = Date
advisor = Advisor
questionnaire = Questionnaire version
model = Scoring-model version
contents = Contents
summary = Executive summary
risk_band = Risk band
score = Score
components = Score components (0–100, higher is riskier)
practice = Supplier practice
inherent = Inherent risk (country and sector)
fee = Recruitment fees
red_flags = Red flags
zero_tolerance_tag = zero tolerance
zero_tolerance = Zero-tolerance findings
fee_headline = Recruitment fees at a glance
workers_paid = Workers who paid fees
outstanding = Outstanding (USD)
median_months = Median months of wages paid
max_months = Maximum months of wages paid
no_fee_audit = No fee audit has been uploaded for this supplier.
priorities = Priority actions
scope = Scope and method
scope_text = This report rests on the supplier’s self-assessment questionnaire ({ $questionnaire }), the findings recorded by the client’s team and advisors, and, where one was uploaded, a per-worker recruitment-fee audit. Answers were not all verified on site; where evidence was not provided the report says so. The overall score combines the supplier’s practice, the inherent risk of its country and sector and, when audited, the fees workers paid (scoring model { $model }); open priority or zero-tolerance findings raise the band whatever the score.
standards = Reference standards: ILO General Principles and Operational Guidelines for Fair Recruitment and Definition of Recruitment Fees and Related Costs (2019); ILO indicators of forced labour; IRIS Standard; the Employer Pays Principle.
inherent_title = Context and inherent risk
country_risk = Country risk
sector_risk = Sector risk
overridden = set by the client
sources = Sources
# Scoring model 2 in words. es/fr written from the English by an AI assistant
# (the engineer who wrote them); not yet reviewed by a native speaker.
risk_context = { $country } × { $sector }: { $level } ({ $value } / 100)
inherent_level_low = low inherent risk
inherent_level_medium = medium inherent risk
inherent_level_high = high inherent risk
inherent_level_critical = critical inherent risk
origin_risk = Workers’ origins (origin risk)
why_band = Why this band
floor_high_inherent_risk = The context is high-risk (inherent risk { $value } / 100): a self-assessment alone never makes it low, so the band is at least { $band }.
floor_ilo_indicators = Open serious findings show { $count } ILO forced-labour indicators ({ $indicators }). The ILO reads forced labour from combinations of indicators, so the band is at least { $band }.
floor_priority_finding = An open priority finding ({ $findings }) sets the band to at least { $band }.
floor_zero_tolerance = An open zero-tolerance finding ({ $findings }) makes the band { $band }, whatever the score.
floor_raised = This raised the band above what the score alone gives.
findings = Findings
findings_by_severity = Findings by severity
no_findings = No findings were recorded.
severity = Severity
status = Status
evidence = Evidence
finding = Finding
question = Question
source = Source
fees_title = Fee audit and remediation
workers = Workers audited
total_fees = Total fees paid (USD)
reimbursed = Reimbursed before the audit (USD)
debt_risk = Workers at risk of debt bondage
by_category = Fees by category (USD)
by_recruiter = Fees by recruiter
recruiter = Recruiter
paid_count = Workers who paid
distribution = Months of wages paid in fees, per worker who paid
months = months of wages
cost_title = Recruitment cost indicator (comparable to SDG 10.7.1)
cost_note = What workers paid for their recruitment, less interest on loans, against what they earn in a month at destination: the mean over every worker audited, those who paid nothing counting as 0. It follows the form of SDG indicator 10.7.1, computed from this audit’s workers; it is not the official statistic.
cost_overall = All workers audited
cost_column = Months of earnings
corridor = Corridor
sex = Sex
sex_female = Female
sex_male = Male
sex_other = Other
sex_unknown = Not recorded
stale_rates = Some amounts were converted with an exchange rate more than 31 days older than the payment or hire date:
stale_rate = { $currency }: rate of { $used } used for { $wanted }
workers_axis = Number of workers per range of months of wages
repayment = Repayment progress
repaid = Repaid since the audit (USD)
remaining = Still owed (USD)
still_owed = Workers still owed
settled = All workers have been repaid.
recommendations = Recommendations
containment = Immediate containment
corrective = Corrective actions
prevention = Systemic prevention
cap = Corrective-action plan
action = Action
owner = Owner
due = Due date
no_actions = No corrective actions have been recorded yet.
annex = Annex
answers = Answers given
answer = Answer
method = Method
glossary = Glossary
unassigned = not assigned

## Stored values
value-low = low
value-medium = medium
value-high = high
value-critical = critical
value-priority = priority
value-major = major
value-minor = minor
value-observation = observation
value-open = open
value-in_progress = in progress
value-closed = closed
value-done = done
value-verified = verified
value-scoring = questionnaire
value-fee_audit = fee audit
value-manual = added by a reviewer
value-recruitment_fee = Recruitment fee
value-medical = Medical
value-insurance = Insurance
value-skills_test = Skills tests
value-training = Training
value-equipment = Equipment
value-travel_lodging = Travel and lodging
value-administrative = Administrative
value-illegitimate = Illegitimate
value-loan_interest = Loan interest
value-other = Other
value-none = None

## Dates
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
date-long = { $day } { $month } { $year }

## Glossary (annex): term and meaning
glossary-employer-pays = Employer Pays Principle
glossary-employer-pays-meaning = No worker should pay for a job; the employer bears the full cost of recruitment.
glossary-months-of-wages = Months of wages
glossary-months-of-wages-meaning = Fees a worker paid divided by the contracted monthly wage (SDG indicator 10.7.1).
glossary-red-flag = Red flag
glossary-red-flag-meaning = An answer that signals a risk of forced labour by itself; it raises a finding.
glossary-zero-tolerance = Zero tolerance
glossary-zero-tolerance-meaning = A practice that must stop at once (e.g. withheld passports); the band is critical while it is open.

## Systemic prevention, the same for every supplier (ethical-recruitment.md §6.7)
prevention-contracts = Write the Employer Pays Principle into every recruiter contract, with the right to audit and to terminate.
prevention-recruiters = Move recruitment to vetted or IRIS-certified recruiters, and budget for the full cost of recruitment.
prevention-grievance = Give workers a confidential channel, in their language, to report fees and other abuses without retaliation.
