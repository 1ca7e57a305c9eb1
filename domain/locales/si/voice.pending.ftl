# Worker voice in this language: messages that other branches add to the English
# file, translated ahead of the merge. NOT compiled in (domain/build.rs reads only
# voice.ftl): append this file to voice.ftl once those branches are merged, then
# delete it (README, "Worker voice", and the wt-voice-lang report).
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
