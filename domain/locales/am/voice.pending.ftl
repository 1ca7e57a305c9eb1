# Worker voice in this language: messages that other branches add to the English
# file, translated ahead of the merge. NOT compiled in (domain/build.rs reads only
# voice.ftl): append this file to voice.ftl once those branches are merged, then
# delete it (README, "Worker voice", and the wt-voice-lang report).
# Machine-drafted by an AI language model (Claude) on 2026-12-05 from the English
# source as it stood in those branches; NOT reviewed by a native speaker. Review
# before printing posters. Check each message against the merged English file.

# From branch wt-voice-sms: the SMS and WhatsApp conversation
conversation-welcome = በሥራ ቦታ ያለ ችግርን ያሳውቁ: ነፃ ነው፤ ስምዎን መስጠት አያስፈልግዎትም።
conversation-choose-language = የቋንቋዎን ቁጥር በመላክ ይመልሱ:
conversation-choose-category = ችግሩ ምንድን ነው? ቁጥሩን በመላክ ይመልሱ:
conversation-not-a-choice = እባክዎ ከቁጥሮቹ አንዱን በመላክ ይመልሱ።
conversation-tell = ምን እንደሆነ፣ መቼ እና የት እንደሆነ በአንድ መልእክት ይንገሩን። ስምዎን መጻፍ አያስፈልግዎትም።
conversation-too-long = መልእክትዎ በጣም ረጅም ነው። እባክዎ ቢበዛ { $max } ፊደላት ይላኩ።
conversation-empty = እባክዎ ምን እንደሆነ በቃላት ይጻፉ።
conversation-received = እናመሰግናለን። ሪፖርትዎ ደርሶናል።
conversation-code = የጉዳይ ኮድ: { $code }
conversation-secret = ሚስጥራዊ ኮድ: { $secret }
conversation-keep = ሁለቱንም ያስቀምጡ: መልሶቻችንን ለማንበብ ያስፈልጉዎታል። ከጠፉ ማንም እንደገና ሊያገኝልዎ አይችልም።
conversation-how-to-read = መልሶቻችንን ለማንበብ እዚህ { $word } ብለው ይመልሱ፣ ወይም { $link } ከፍተው ኮዱን እና ሚስጥራዊ ኮዱን ያስገቡ።
conversation-privacy = መልሶቻችንን ለመላክ ብቻ ስልክ ቁጥርዎን በታሸገ መልክ እናስቀምጣለን፤ ጉዳዩ ሲዘጋም እንሰርዘዋለን። ቃላትዎን የሚያነቡት በገዢው ኩባንያ ጉዳዩን የሚከታተሉ ሰዎች ብቻ ናቸው።
conversation-status-word = ሁኔታ
conversation-new-word = አዲስ
conversation-status = ጉዳይ { $code }: { $status }
conversation-new-report = ሌላ ችግር ለማሳወቅ { $word } ብለው ይመልሱ።
conversation-reply = ስለ ጉዳይ { $code } የተሰጠ መልስ: { $text }

# From branch wt-voice-cases: case categories, the response-time promise, referrals
# from the worker's own country and the worker pulse survey
cat-deception = ስለ ሥራው ተታልያለሁ፣ ወይም ውሌ ወደ ባሰ ሁኔታ ተቀይሯል
cat-debt = በሥራ መክፈል ያለብኝ ዕዳ አለብኝ፤ እስክከፍለው ድረስ መልቀቅ አልችልም
voice-nationality = ዜግነትዎ (ካሻዎት ብቻ)
voice-nationality-hint = እንደ ኤምባሲዎ ያሉ የራስዎን አገር አገልግሎቶች እንድናሳይዎ ከፈለጉ ብቻ። ማንነትዎ እንዳይታወቅ ከፈለጉ ባዶ ይተዉት።
voice-error-nationality = ከዝርዝሩ አንድ አገር ይምረጡ ወይም ባዶ ይተዉት።
voice-promise = ኩባንያው በ{ $days } ቀናት ውስጥ የመጀመሪያ መልስ ለመስጠት ቃል ገብቷል።
voice-referrals-origin = ከራስዎ አገር የሚገኝ እርዳታ
pulse-title = ስለ ሥራዎ አምስት ጥያቄዎች
pulse-intro = አምስት አጭር ጥያቄዎችን ይመልሱ። ነፃ ነው፤ ማንነትዎም አይታወቅም: ስምዎን፣ ስልክዎን፣ የኢንተርኔት አድራሻዎን ወይም ማንኛውንም ኩኪ አንመዘግብም። መልሶች የሚታዩት ተደምረው ብቻ ነው፤ አንድ በአንድ ፈጽሞ አይታዩም።
pulse-q-paid_fee = ይህን ሥራ ለማግኘት ለማንም ገንዘብ ከፍለዋል?
pulse-q-fee_amount = ከከፈሉ በግምት ምን ያህል ነበር?
pulse-q-passport_holder = ፓስፖርትዎ በማን እጅ ነው?
pulse-q-dormitory_free = ከሥራ ሰዓት ውጭ ከመኖሪያዎ በነፃነት መውጣት ይችላሉ?
pulse-q-contract_matches = ሥራዎ፣ ደመወዝዎ እና የሥራ ሰዓትዎ ከመጀመርዎ በፊት ቃል በተገባልዎ መሠረት ነው?
pulse-a-yes = አዎ
pulse-a-no = አይ
pulse-a-nothing = ምንም አልከፈልኩም
pulse-a-under_one_month = ከአንድ ወር ደመወዜ ያነሰ
pulse-a-one_to_three_months = ከአንድ እስከ ሦስት ወር ደመወዜ
pulse-a-over_three_months = ከሦስት ወር ደመወዜ በላይ
pulse-a-me = እኔ ራሴ ይዤዋለሁ
pulse-a-employer = አሠሪው
pulse-a-agent = የቅጥር ኤጀንቱ
pulse-a-someone_else = ሌላ ሰው
pulse-a-no_passport = ፓስፖርት የለኝም
pulse-a-no_dormitory = አሠሪው በሰጠው መኖሪያ አልኖርም
pulse-submit = መልሶቼን ላክ
pulse-error-answer = ለእያንዳንዱ ጥያቄ አንድ መልስ ይምረጡ።
pulse-thanks = እናመሰግናለን። መልሶችዎ ደርሰውናል።
pulse-link = ስለ ሥራዎ አምስት ጥያቄዎችን ይመልሱ
