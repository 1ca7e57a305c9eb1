# Worker voice in this language: messages that other branches add to the English
# file, translated ahead of the merge. NOT compiled in (domain/build.rs reads only
# voice.ftl): append this file to voice.ftl once those branches are merged, then
# delete it (README, "Worker voice", and the wt-voice-lang report).
# Machine-drafted by an AI language model (Claude) on 2026-12-05 from the English
# source as it stood in those branches; NOT reviewed by a native speaker. Review
# before printing posters. Check each message against the merged English file.

# From branch wt-voice-sms: the SMS and WhatsApp conversation
conversation-welcome = រាយការណ៍បញ្ហានៅកន្លែងធ្វើការ: វាឥតគិតថ្លៃ ហើយអ្នកមិនចាំបាច់ប្រាប់ឈ្មោះទេ។
conversation-choose-language = សូមឆ្លើយតបដោយលេខនៃភាសារបស់អ្នក:
conversation-choose-category = តើបញ្ហាអ្វី? សូមឆ្លើយតបដោយលេខរបស់វា:
conversation-not-a-choice = សូមឆ្លើយតបដោយលេខណាមួយក្នុងចំណោមលេខទាំងនេះ។
conversation-tell = សូមប្រាប់ថាមានអ្វីកើតឡើង ពេលណា និងនៅឯណា ក្នុងសារតែមួយ។ អ្នកមិនចាំបាច់សរសេរឈ្មោះទេ។
conversation-too-long = សាររបស់អ្នកវែងពេក។ សូមផ្ញើយ៉ាងច្រើន { $max } តួអក្សរ។
conversation-empty = សូមសរសេរជាពាក្យថាមានអ្វីកើតឡើង។
conversation-received = សូមអរគុណ។ យើងបានទទួលរបាយការណ៍របស់អ្នកហើយ។
conversation-code = លេខកូដករណី: { $code }
conversation-secret = លេខកូដសម្ងាត់: { $secret }
conversation-keep = សូមរក្សាទុកទាំងពីរ: អ្នកត្រូវការវាដើម្បីអានចម្លើយរបស់យើង។ គ្មាននរណាអាចរកវាឱ្យអ្នកវិញបានទេ។
conversation-how-to-read = ឆ្លើយតប { $word } នៅទីនេះ ដើម្បីអានចម្លើយរបស់យើង ឬបើក { $link } ហើយបញ្ចូលលេខកូដ និងលេខកូដសម្ងាត់។
conversation-privacy = យើងរក្សាលេខទូរស័ព្ទរបស់អ្នកតែក្នុងទម្រង់បិទជិតប៉ុណ្ណោះ ដើម្បីផ្ញើចម្លើយទៅអ្នក ហើយលុបវាចោលពេលករណីត្រូវបានបិទ។ មានតែអ្នកដោះស្រាយករណីនៅក្រុមហ៊ុនទិញប៉ុណ្ណោះ ដែលអានពាក្យរបស់អ្នក។
conversation-status-word = ស្ថានភាព
conversation-new-word = ថ្មី
conversation-status = ករណី { $code }: { $status }
conversation-new-report = ដើម្បីរាយការណ៍បញ្ហាផ្សេងទៀត សូមឆ្លើយតប { $word }។
conversation-reply = ចម្លើយអំពីករណី { $code }: { $text }

# From branch wt-voice-cases: case categories, the response-time promise, referrals
# from the worker's own country and the worker pulse survey
cat-deception = ខ្ញុំត្រូវគេបោកប្រាស់អំពីការងារ ឬកិច្ចសន្យារបស់ខ្ញុំត្រូវបានប្តូរទៅជាលក្ខខណ្ឌអាក្រក់ជាងមុន
cat-debt = ខ្ញុំជំពាក់បំណុលដែលត្រូវធ្វើការសង ហើយមិនអាចចាកចេញបានទេរហូតដល់សងរួច
voice-nationality = សញ្ជាតិរបស់អ្នក (មិនចាំបាច់)
voice-nationality-hint = លុះត្រាតែអ្នកចង់ឱ្យយើងបង្ហាញសេវាពីប្រទេសរបស់អ្នកផ្ទាល់ ដូចជាស្ថានទូតរបស់អ្នក។ ទុកចោលទទេ ប្រសិនបើចង់លាក់អត្តសញ្ញាណ។
voice-error-nationality = សូមជ្រើសរើសប្រទេសពីបញ្ជី ឬទុកចោលទទេ។
voice-promise = ក្រុមហ៊ុនសន្យាឆ្លើយតបលើកដំបូងក្នុងរយៈពេល { $days } ថ្ងៃ។
voice-referrals-origin = ជំនួយពីប្រទេសរបស់អ្នកផ្ទាល់
pulse-title = សំណួរប្រាំអំពីការងាររបស់អ្នក
pulse-intro = សូមឆ្លើយសំណួរខ្លីៗប្រាំ។ វាឥតគិតថ្លៃ និងអនាមិក: យើងមិនកត់ត្រាឈ្មោះ លេខទូរស័ព្ទ អាសយដ្ឋានអ៊ីនធឺណិត ឬ cookie ណាមួយរបស់អ្នកទេ។ ចម្លើយត្រូវបានបង្ហាញតែជាចំនួនសរុបប៉ុណ្ណោះ មិនដែលបង្ហាញម្តងមួយៗទេ។
pulse-q-paid_fee = តើអ្នកបានបង់ប្រាក់ឱ្យនរណាម្នាក់ ដើម្បីទទួលបានការងារនេះទេ?
pulse-q-fee_amount = ប្រសិនបើបានបង់ តើប្រហែលប៉ុន្មាន?
pulse-q-passport_holder = តើនរណាកាន់លិខិតឆ្លងដែនរបស់អ្នក?
pulse-q-dormitory_free = តើអ្នកមានសេរីភាពចាកចេញពីកន្លែងស្នាក់នៅក្រៅម៉ោងធ្វើការទេ?
pulse-q-contract_matches = តើការងារ ប្រាក់ឈ្នួល និងម៉ោងធ្វើការរបស់អ្នក ដូចអ្វីដែលគេបានសន្យាមុនពេលអ្នកចាប់ផ្តើមទេ?
pulse-a-yes = បាទ/ចាស
pulse-a-no = ទេ
pulse-a-nothing = ខ្ញុំមិនបានបង់អ្វីទេ
pulse-a-under_one_month = តិចជាងប្រាក់ខែមួយខែរបស់ខ្ញុំ
pulse-a-one_to_three_months = ប្រាក់ខែពីមួយទៅបីខែរបស់ខ្ញុំ
pulse-a-over_three_months = ច្រើនជាងប្រាក់ខែបីខែរបស់ខ្ញុំ
pulse-a-me = ខ្ញុំកាន់ខ្លួនឯង
pulse-a-employer = និយោជក
pulse-a-agent = ភ្នាក់ងារជ្រើសរើសបុគ្គលិក
pulse-a-someone_else = អ្នកផ្សេង
pulse-a-no_passport = ខ្ញុំគ្មានលិខិតឆ្លងដែនទេ
pulse-a-no_dormitory = ខ្ញុំមិនរស់នៅកន្លែងស្នាក់នៅដែលនិយោជកផ្តល់ឱ្យទេ
pulse-submit = ផ្ញើចម្លើយរបស់ខ្ញុំ
pulse-error-answer = សូមជ្រើសរើសចម្លើយមួយសម្រាប់សំណួរនីមួយៗ។
pulse-thanks = សូមអរគុណ។ យើងបានទទួលចម្លើយរបស់អ្នកហើយ។
pulse-link = ឆ្លើយសំណួរប្រាំអំពីការងាររបស់អ្នក
