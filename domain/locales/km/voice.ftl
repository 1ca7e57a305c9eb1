# Worker voice in Khmer (km): the public reporting page, the poster and the referral list.
# Machine-drafted by an AI language model (Claude) on 2026-12-05 from the English source;
# NOT reviewed by a native speaker. Review before printing posters.
# Aimed at plain words in the polite (លោកអ្នក / អ្នក) register that migrant-worker
# organisations use; placeholders such as { $site } are kept exactly as in English.
language-name = ភាសាខ្មែរ
language-direction = ltr
translation-method = machine
translation-reviewed = no
voice-title = រាយការណ៍បញ្ហានៅកន្លែងធ្វើការ
voice-intro = សូមប្រាប់យើង ប្រសិនបើមានអ្វីមិនត្រឹមត្រូវនៅកន្លែងធ្វើការនេះ។ វាឥតគិតថ្លៃ ហើយអ្នកមិនចាំបាច់ប្រាប់ឈ្មោះទេ។
voice-site = កន្លែងធ្វើការ: { $site }
voice-privacy = យើងមិនកត់ត្រាឈ្មោះ លេខទូរស័ព្ទ អាសយដ្ឋានអ៊ីនធឺណិត ឬ cookie ណាមួយរបស់អ្នកទេ។ មានតែអ្នកដែលដោះស្រាយករណីនេះនៅក្រុមហ៊ុនទិញប៉ុណ្ណោះ ដែលអាចអានអ្វីដែលអ្នកសរសេរ។
voice-category = តើបញ្ហាអ្វី?
cat-recruitment_fees = ខ្ញុំបានបង់ថ្លៃជ្រើសរើសបុគ្គលិក ឬខ្ញុំជំពាក់បំណុលភ្នាក់ងារ ឬនិយោជក
cat-documents_held = លិខិតឆ្លងដែន ឬឯកសាររបស់ខ្ញុំត្រូវបានគេរក្សាទុកមិនឱ្យខ្ញុំ
cat-wages_withheld = ប្រាក់ឈ្នួលត្រូវបានគេរក្សាទុក បើកយឺត ឬកាត់ដោយអយុត្តិធម៌
cat-threats_violence = ការគំរាមកំហែង អំពើហិង្សា ឬការយាយី
cat-restricted_movement = ខ្ញុំមិនមានសេរីភាពចាកចេញពីកន្លែងធ្វើការ ឬកន្លែងស្នាក់នៅទេ
cat-excessive_hours = ម៉ោងធ្វើការច្រើនពេក ឬបង្ខំឱ្យធ្វើការថែមម៉ោង
cat-housing = កន្លែងស្នាក់នៅអាក្រក់ ឬគ្មានសុវត្ថិភាព
cat-under_age = កុមារ ឬកម្មករអាយុមិនគ្រប់
cat-other = រឿងផ្សេងទៀត
voice-what-happened = តើមានអ្វីកើតឡើង?
voice-what-hint = សូមប្រាប់ថាមានអ្វីកើតឡើង ពេលណា និងនៅឯណា។ អ្នកមិនចាំបាច់សរសេរឈ្មោះទេ។
voice-contact = តើយើងអាចទាក់ទងអ្នកដោយរបៀបណា? (មិនចាំបាច់)
voice-contact-hint = លេខទូរស័ព្ទ កម្មវិធីផ្ញើសារ ឬអ៊ីមែល លុះត្រាតែអ្នកចង់បានចម្លើយផ្ទាល់ខ្លួន។ ទុកចោលទទេ ប្រសិនបើចង់លាក់អត្តសញ្ញាណ។
voice-submit = ផ្ញើរបាយការណ៍
voice-error-category = សូមជ្រើសរើសបញ្ហា។
voice-error-text = សូមប្រាប់យើងថាមានអ្វីកើតឡើង (យ៉ាងច្រើន 5000 តួអក្សរ)។
voice-error-contact = ព័ត៌មានទំនាក់ទំនងវែងពេក (យ៉ាងច្រើន 300 តួអក្សរ)។
voice-thanks = សូមអរគុណ។ យើងបានទទួលរបាយការណ៍របស់អ្នកហើយ។
voice-code = លេខកូដករណីរបស់អ្នក
voice-secret = លេខកូដសម្ងាត់របស់អ្នក
voice-keep = សូមសរសេរលេខកូដទាំងពីរទុក ឬថតរូបអេក្រង់នេះ។ អ្នកត្រូវការវាដើម្បីអានចម្លើយរបស់យើង។ គ្មាននរណាអាចរកវាឱ្យអ្នកវិញបានទេ។
voice-danger = ប្រសិនបើអ្នកកំពុងមានគ្រោះថ្នាក់ឥឡូវនេះ សូមទូរស័ព្ទទៅសេវាសង្គ្រោះបន្ទាន់ក្នុងតំបន់ ឬសេវាណាមួយខាងក្រោម។
voice-referrals = ជំនួយដែលអ្នកអាចទាក់ទង
voice-referrals-none = មិនទាន់មានសេវាណាមួយក្នុងបញ្ជីសម្រាប់ប្រទេសនេះទេ។
voice-referral-example = ឧទាហរណ៍តែប៉ុណ្ណោះ: នេះមិនមែនជាទំនាក់ទំនងពិតទេ។
voice-referral-listed = ក្រុមហ៊ុនទិញបានដាក់ក្នុងបញ្ជី; Fairhire មិនទាន់បានពិនិត្យសេវាទាំងនេះទេ។
voice-languages-spoken = ភាសា: { $languages }
kind-hotline = ខ្សែទូរស័ព្ទជំនួយ
kind-ngo = អង្គការជួយគាំទ្រ
kind-iom = IOM (អង្គការអន្តរជាតិទទួលបន្ទុកការធ្វើចំណាកស្រុក)
kind-labour_inspection = អធិការកិច្ចការងារ
kind-legal_aid = ជំនួយផ្លូវច្បាប់
kind-other = ជំនួយផ្សេងទៀត
voice-check-title = ពិនិត្យករណីរបស់អ្នក
voice-check-intro = សូមបញ្ចូលលេខកូដករណី និងលេខកូដសម្ងាត់ ដែលអ្នកបានទទួលពេលរាយការណ៍។
voice-check-button = ពិនិត្យករណីរបស់ខ្ញុំ
voice-check-not-found = គ្មានករណីណាត្រូវនឹងលេខកូដ និងលេខកូដសម្ងាត់នេះទេ។ សូមពិនិត្យទាំងពីរ ហើយព្យាយាមម្តងទៀត។
voice-have-code = បានរាយការណ៍រួចហើយ? ពិនិត្យករណីរបស់អ្នក និងអានចម្លើយ
voice-status = ស្ថានភាព
voice-status-new = បានទទួល មិនទាន់ឆ្លើយតប
voice-status-acknowledged = ក្រុមហ៊ុនបានឃើញហើយ
voice-status-investigating = កំពុងស៊ើបអង្កេត
voice-status-confirmed = បានបញ្ជាក់ កំពុងចាត់វិធានការ
voice-status-not_confirmed = បានពិនិត្យ តែមិនអាចបញ្ជាក់បាន
voice-status-closed = បានបិទ
voice-reported-on = បានរាយការណ៍នៅថ្ងៃ { $date }
voice-replies = ចម្លើយ
voice-no-replies = មិនទាន់មានចម្លើយនៅឡើយទេ។ សូមពិនិត្យម្តងទៀតក្នុងរយៈពេលពីរបីថ្ងៃ។
voice-too-many = មានការព្យាយាមច្រើនពេកពីបណ្តាញនេះ។ សូមរង់ចាំពីរបីនាទី ហើយព្យាយាមម្តងទៀត។
voice-not-found = តំណរាយការណ៍នេះមិនដំណើរការទេ។ សូមស្នើសុំផ្ទាំងរូបភាព ឬតំណថ្មី។
voice-language = ភាសា
poster-title = មានបញ្ហានៅកន្លែងធ្វើការមែនទេ?
poster-step1 = ស្កេនកូដដោយកាមេរ៉ាទូរស័ព្ទរបស់អ្នក ឬវាយតំណ។
poster-step2 = ជ្រើសរើសបញ្ហា ហើយប្រាប់យើងថាមានអ្វីកើតឡើង ជាភាសារបស់អ្នក។
poster-step3 = អ្នកនឹងទទួលបានលេខកូដករណី និងលេខកូដសម្ងាត់: ប្រើវាដើម្បីអានចម្លើយរបស់យើងពេលក្រោយ។
poster-anonymous = អ្នកមិនចាំបាច់ប្រាប់ឈ្មោះទេ។ មិនត្រូវការគណនី។ យើងមិនកត់ត្រាលេខទូរស័ព្ទ ឬអាសយដ្ឋានអ៊ីនធឺណិតរបស់អ្នកទេ។
voice-unavailable = មានបញ្ហាកើតឡើងនៅខាងយើង។ សូមព្យាយាមម្តងទៀតពេលក្រោយ។

# Messages added with the SMS/WhatsApp conversation and with cases, referrals and the
# worker pulse (2026-12-05), translated from the English source:
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
conversation-pulse-word = ស្ទង់មតិ
conversation-pulse-intro = សំណួរប្រាំអំពីការងាររបស់អ្នក។ ចម្លើយរបស់អ្នកត្រូវបានរាប់តែរួមជាមួយចម្លើយរបស់អ្នកដទៃប៉ុណ្ណោះ មិនដែលភ្ជាប់ជាមួយលេខទូរស័ព្ទរបស់អ្នកឡើយ។ សូមឆ្លើយតបដោយលេខនៃចម្លើយរបស់អ្នក។
conversation-pulse-already = អ្នកបានឆ្លើយសំណួរទាំងនេះរួចហើយក្នុងខែនេះ។ សូមអរគុណ។

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
