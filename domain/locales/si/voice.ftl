# Worker voice in Sinhala (si): the public reporting page, the poster and the referral list.
# Machine-drafted by an AI language model (Claude) on 2026-12-05 from the English source;
# NOT reviewed by a native speaker. Review before printing posters.
# Aimed at plain spoken-style words in the polite (ඔබ) register that migrant-worker
# organisations use; placeholders such as { $site } are kept exactly as in English.
language-name = සිංහල
language-direction = ltr
translation-method = machine
translation-reviewed = no
voice-title = රැකියා ස්ථානයේ ගැටලුවක් වාර්තා කරන්න
voice-intro = මෙම රැකියා ස්ථානයේ යමක් වැරදි නම් අපට කියන්න. මෙය නොමිලේ වන අතර ඔබේ නම දීමට අවශ්‍ය නැත.
voice-site = රැකියා ස්ථානය: { $site }
voice-privacy = අපි ඔබේ නම, දුරකථනය, අන්තර්ජාල ලිපිනය හෝ කිසිදු cookie එකක් සටහන් නොකරමු. ඔබ ලියන දේ කියවිය හැක්කේ මිලදී ගන්නා සමාගමේ මෙම සිද්ධිය බලන අයට පමණි.
voice-category = ගැටලුව කුමක්ද?
cat-recruitment_fees = මම බඳවා ගැනීමේ ගාස්තු ගෙව්වා, නැත්නම් නියෝජිතයෙකුට හෝ සේවායෝජකයාට ණයයි
cat-documents_held = මගේ ගමන් බලපත්‍රය හෝ ලියකියවිලි මට නොදී තබාගෙන ඇත
cat-wages_withheld = වැටුප නවත්වා තබයි, ප්‍රමාද කරයි, නැත්නම් අසාධාරණ ලෙස කපා ගනී
cat-threats_violence = තර්ජන, හිංසනය හෝ හිරිහැර
cat-restricted_movement = රැකියා ස්ථානයෙන් හෝ නවාතැනෙන් නිදහසේ පිටවීමට මට ඉඩ නැත
cat-excessive_hours = වැඩ කරන පැය ඕනෑවට වඩා වැඩියි, නැත්නම් බලහත්කාර අතිකාල
cat-housing = නරක හෝ අනාරක්ෂිත නවාතැන්
cat-under_age = ළමයින් හෝ වයස නොසම්පූර්ණ සේවකයින්
cat-other = වෙනත් දෙයක්
voice-what-happened = මොකද වුණේ?
voice-what-hint = මොකද වුණේ, කවදාද, කොහේද කියා කියන්න. ඔබේ නම ලිවීමට අවශ්‍ය නැත.
voice-contact = අපට ඔබව සම්බන්ධ කරගත හැක්කේ කෙසේද? (අවශ්‍ය නම් පමණි)
voice-contact-hint = දුරකථන අංකයක්, පණිවිඩ යෙදුමක් හෝ ඊමේල් එකක්, ඔබට පෞද්ගලිකව පිළිතුරක් අවශ්‍ය නම් පමණි. නම නොදන්වා සිටීමට හිස්ව තබන්න.
voice-submit = පැමිණිල්ල යවන්න
voice-error-category = ගැටලුව කුමක්දැයි තෝරන්න.
voice-error-text = මොකද වුණේ කියා අපට කියන්න (උපරිම අකුරු 5000).
voice-error-contact = සම්බන්ධතා තොරතුරු ඉතා දිගයි (උපරිම අකුරු 300).
voice-thanks = ස්තූතියි. ඔබේ පැමිණිල්ල ලැබුණා.
voice-code = ඔබේ සිද්ධි කේතය
voice-secret = ඔබේ රහස් කේතය
voice-keep = දෙකම ලියා ගන්න, නැත්නම් මෙම තිරයේ ඡායාරූපයක් ගන්න. අපේ පිළිතුරු කියවීමට ඔබට ඒවා අවශ්‍යයි. නැති වුණොත් කිසිවෙකුට ඒවා නැවත සොයා දිය නොහැක.
voice-danger = ඔබ දැන් අනතුරක නම්, ප්‍රාදේශීය හදිසි සේවා හෝ පහත සේවාවකට කතා කරන්න.
voice-referrals = ඔබට සම්බන්ධ විය හැකි උදව්
voice-referrals-none = මෙම රට සඳහා තවම කිසිදු සේවාවක් ලැයිස්තුගත කර නැත.
voice-referral-example = උදාහරණයක් පමණි: මෙය සැබෑ සම්බන්ධතාවක් නොවේ.
voice-referral-listed = මිලදී ගන්නා සමාගම ලැයිස්තුගත කළා; Fairhire මෙම සේවා පරීක්ෂා කර නැත.
voice-languages-spoken = භාෂා: { $languages }
kind-hotline = උපකාරක දුරකථන අංකය
kind-ngo = සහාය දෙන සංවිධානය
kind-iom = IOM (ජාත්‍යන්තර සංක්‍රමණ සංවිධානය)
kind-labour_inspection = කම්කරු පරීක්ෂණ
kind-legal_aid = නීති ආධාර
kind-other = වෙනත් උදව්
voice-check-title = ඔබේ සිද්ධිය බලන්න
voice-check-intro = වාර්තා කළ විට ඔබට ලැබුණු සිද්ධි කේතය සහ රහස් කේතය ඇතුළත් කරන්න.
voice-check-button = මගේ සිද්ධිය බලන්න
voice-check-not-found = මෙම කේතයට සහ රහස් කේතයට ගැළපෙන සිද්ධියක් නැත. දෙකම පරීක්ෂා කර නැවත උත්සාහ කරන්න.
voice-have-code = දැනටමත් වාර්තා කළාද? ඔබේ සිද්ධිය බලා පිළිතුරු කියවන්න
voice-status = තත්ත්වය
voice-status-new = ලැබුණා, තවම පිළිතුරු දී නැත
voice-status-acknowledged = සමාගම දැක ඇත
voice-status-investigating = විමර්ශනය කරමින් පවතී
voice-status-confirmed = තහවුරු විය, පියවර ගනිමින් පවතී
voice-status-not_confirmed = සොයා බැලුවා, තහවුරු කළ නොහැකි විය
voice-status-closed = වසා ඇත
voice-reported-on = වාර්තා කළ දිනය: { $date }
voice-replies = පිළිතුරු
voice-no-replies = තවම පිළිතුරක් නැත. දින කිහිපයකින් නැවත බලන්න.
voice-too-many = මෙම ජාලයෙන් උත්සාහයන් ඕනෑවට වඩා වැඩියි. මිනිත්තු කිහිපයක් රැඳී සිට නැවත උත්සාහ කරන්න.
voice-not-found = මෙම වාර්තා කිරීමේ සබැඳිය ක්‍රියා නොකරයි. නව පෝස්ටරයක් හෝ සබැඳියක් ඉල්ලන්න.
voice-language = භාෂාව
poster-title = වැඩ ඇති තැන යමක් වැරදිද?
poster-step1 = ඔබේ දුරකථන කැමරාවෙන් කේතය ස්කෑන් කරන්න, නැත්නම් සබැඳිය ටයිප් කරන්න.
poster-step2 = ගැටලුව තෝරා, මොකද වුණේ කියා ඔබේ භාෂාවෙන් කියන්න.
poster-step3 = ඔබට සිද්ධි කේතයක් සහ රහස් කේතයක් ලැබේ: පසුව අපේ පිළිතුර කියවීමට ඒවා භාවිත කරන්න.
poster-anonymous = ඔබේ නම දීමට අවශ්‍ය නැත. ගිණුමක් අවශ්‍ය නැත. අපි ඔබේ දුරකථනය හෝ අන්තර්ජාල ලිපිනය සටහන් නොකරමු.
voice-unavailable = අපේ පැත්තෙන් යම් දෝෂයක් සිදු විය. පසුව නැවත උත්සාහ කරන්න.

# Messages added with the SMS/WhatsApp conversation and with cases, referrals and the
# worker pulse (2026-12-05), translated from the English source:
# Machine-drafted by an AI language model (Claude) on 2026-12-05 from the English
# source as it stood in those branches; NOT reviewed by a native speaker. Review
# before printing posters. Check each message against the merged English file.

# From branch wt-voice-sms: the SMS and WhatsApp conversation
conversation-welcome = රැකියා ස්ථානයේ ගැටලුවක් වාර්තා කරන්න: මෙය නොමිලේ වන අතර ඔබේ නම දීමට අවශ්‍ය නැත.
conversation-choose-language = ඔබේ භාෂාවේ අංකය යවා පිළිතුරු දෙන්න:
conversation-choose-category = ගැටලුව කුමක්ද? එහි අංකය යවා පිළිතුරු දෙන්න:
conversation-not-a-choice = කරුණාකර මෙම අංකවලින් එකක් යවන්න.
conversation-tell = මොකද වුණේ, කවදාද, කොහේද කියා එක් පණිවිඩයකින් කියන්න. ඔබේ නම ලිවීමට අවශ්‍ය නැත.
conversation-too-long = ඔබේ පණිවිඩය ඉතා දිගයි. උපරිම අකුරු { $max } ක් පමණක් යවන්න.
conversation-empty = මොකද වුණේ කියා වචනවලින් ලියන්න.
conversation-received = ස්තූතියි. ඔබේ පැමිණිල්ල ලැබුණා.
conversation-code = සිද්ධි කේතය: { $code }
conversation-secret = රහස් කේතය: { $secret }
conversation-keep = දෙකම තබා ගන්න: අපේ පිළිතුරු කියවීමට ඔබට ඒවා අවශ්‍යයි. නැති වුණොත් කිසිවෙකුට ඒවා නැවත සොයා දිය නොහැක.
conversation-how-to-read = අපේ පිළිතුරු කියවීමට මෙතැනට { $word } යවන්න, නැත්නම් { $link } විවෘත කර කේතය සහ රහස් කේතය ඇතුළත් කරන්න.
conversation-privacy = ඔබට පිළිතුරු යැවීමට පමණක් අපි ඔබේ දුරකථන අංකය මුද්‍රා තබා ගබඩා කරන අතර, සිද්ධිය වැසූ විට එය මකා දමමු. ඔබේ වචන කියවන්නේ මිලදී ගන්නා සමාගමේ සිද්ධිය බලන අය පමණි.
conversation-status-word = තත්ත්වය
conversation-new-word = අලුත්
conversation-status = සිද්ධිය { $code }: { $status }
conversation-new-report = වෙනත් ගැටලුවක් වාර්තා කිරීමට { $word } යවන්න.
conversation-reply = සිද්ධිය { $code } ගැන පිළිතුර: { $text }
conversation-pulse-word = සමීක්ෂණ
conversation-pulse-intro = ඔබේ රැකියාව ගැන ප්‍රශ්න පහක්. ඔබේ පිළිතුරු ගණන් කරන්නේ අන් අයගේ පිළිතුරු සමඟ එකතු කර පමණි, කිසි විටෙක ඔබේ දුරකථන අංකය සමඟ නොවේ. ඔබේ පිළිතුරේ අංකය යවන්න.
conversation-pulse-already = ඔබ මේ මාසයේ දැනටමත් මෙම ප්‍රශ්නවලට පිළිතුරු දී ඇත. ස්තූතියි.

# From branch wt-voice-cases: case categories, the response-time promise, referrals
# from the worker's own country and the worker pulse survey
cat-deception = රැකියාව ගැන මාව රැවැට්ටුවා, නැත්නම් මගේ ගිවිසුම වඩා නරක කොන්දේසිවලට වෙනස් කළා
cat-debt = මට වැඩ කර ගෙවිය යුතු ණයක් ඇති අතර එය ගෙවන තුරු මට යා නොහැක
voice-nationality = ඔබේ ජාතිකත්වය (අවශ්‍ය නම් පමණි)
voice-nationality-hint = ඔබේ තානාපති කාර්යාලය වැනි ඔබේම රටේ සේවා අපි පෙන්විය යුතු නම් පමණි. නම නොදන්වා සිටීමට හිස්ව තබන්න.
voice-error-nationality = ලැයිස්තුවෙන් රටක් තෝරන්න, නැත්නම් හිස්ව තබන්න.
voice-promise = දින { $days } ක් ඇතුළත පළමු පිළිතුර දෙන බවට සමාගම පොරොන්දු වේ.
voice-referrals-origin = ඔබේම රටෙන් උදව්
pulse-title = ඔබේ රැකියාව ගැන ප්‍රශ්න පහක්
pulse-intro = කෙටි ප්‍රශ්න පහකට පිළිතුරු දෙන්න. මෙය නොමිලේ සහ නම නොදන්වා කළ හැක: අපි ඔබේ නම, දුරකථනය, අන්තර්ජාල ලිපිනය හෝ කිසිදු cookie එකක් සටහන් නොකරමු. පිළිතුරු පෙන්වන්නේ එකතු කර පමණි, කිසි විටෙක එකින් එක නොවේ.
pulse-q-paid_fee = මෙම රැකියාව ලබා ගැනීමට ඔබ කාටහරි මුදල් ගෙව්වාද?
pulse-q-fee_amount = ගෙව්වා නම්, ආසන්න වශයෙන් කීයද?
pulse-q-passport_holder = ඔබේ ගමන් බලපත්‍රය තිබෙන්නේ කා ළඟද?
pulse-q-dormitory_free = වැඩ කරන වේලාවෙන් පසු නවාතැනෙන් නිදහසේ පිටවීමට ඔබට හැකිද?
pulse-q-contract_matches = ඔබේ රැකියාව, වැටුප සහ වැඩ කරන පැය ඔබ වැඩ පටන් ගැනීමට පෙර පොරොන්දු වූ ලෙසම තිබේද?
pulse-a-yes = ඔව්
pulse-a-no = නැත
pulse-a-nothing = මම කිසිවක් ගෙව්වේ නැත
pulse-a-under_one_month = මගේ එක් මාසයක වැටුපට වඩා අඩුයි
pulse-a-one_to_three_months = මගේ මාස එකේ සිට තුනක වැටුප
pulse-a-over_three_months = මගේ මාස තුනක වැටුපට වඩා වැඩියි
pulse-a-me = මා ළඟමයි
pulse-a-employer = සේවායෝජකයා ළඟ
pulse-a-agent = බඳවා ගැනීමේ නියෝජිතයා ළඟ
pulse-a-someone_else = වෙනත් කෙනෙකු ළඟ
pulse-a-no_passport = මට ගමන් බලපත්‍රයක් නැත
pulse-a-no_dormitory = මම සේවායෝජකයා දුන් නවාතැනක ජීවත් නොවෙමි
pulse-submit = මගේ පිළිතුරු යවන්න
pulse-error-answer = සෑම ප්‍රශ්නයකටම එක් පිළිතුරක් තෝරන්න.
pulse-thanks = ස්තූතියි. ඔබේ පිළිතුරු ලැබුණා.
pulse-link = ඔබේ රැකියාව ගැන ප්‍රශ්න පහකට පිළිතුරු දෙන්න
