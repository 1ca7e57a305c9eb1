# Worker voice in Amharic (am): the public reporting page, the poster and the referral list.
# Machine-drafted by an AI language model (Claude) on 2026-12-05 from the English source;
# NOT reviewed by a native speaker. Review before printing posters.
# Aimed at plain words in the polite (እርስዎ) register that migrant-worker
# organisations use; placeholders such as { $site } are kept exactly as in English.
language-name = አማርኛ
language-direction = ltr
translation-method = machine
translation-reviewed = no
voice-title = በሥራ ቦታ ያለ ችግርን ያሳውቁ
voice-intro = በዚህ የሥራ ቦታ የተሳሳተ ነገር ካለ ይንገሩን። ነፃ ነው፤ ስምዎን መስጠት አያስፈልግዎትም።
voice-site = የሥራ ቦታ: { $site }
voice-privacy = ስምዎን፣ ስልክዎን፣ የኢንተርኔት አድራሻዎን ወይም ማንኛውንም ኩኪ አንመዘግብም። የሚጽፉትን ማንበብ የሚችሉት በገዢው ኩባንያ ጉዳዩን የሚከታተሉ ሰዎች ብቻ ናቸው።
voice-category = ችግሩ ምንድን ነው?
cat-recruitment_fees = የቅጥር ክፍያ ከፍያለሁ ወይም ለኤጀንት ወይም ለአሠሪ ዕዳ አለብኝ
cat-documents_held = ፓስፖርቴ ወይም ሰነዶቼ ተይዘውብኛል
cat-wages_withheld = ደመወዝ ይከለከላል፣ ይዘገያል ወይም አግባብ ባልሆነ መንገድ ይቆረጣል
cat-threats_violence = ማስፈራራት፣ ጥቃት ወይም ትንኮሳ
cat-restricted_movement = ከሥራ ቦታው ወይም ከመኖሪያው በነፃነት መውጣት አልችልም
cat-excessive_hours = በጣም ብዙ የሥራ ሰዓት ወይም የግዳጅ ትርፍ ሰዓት ሥራ
cat-housing = መጥፎ ወይም ደህንነቱ ያልተጠበቀ መኖሪያ
cat-under_age = ሕፃናት ወይም ዕድሜያቸው ያልደረሰ ሠራተኞች
cat-other = ሌላ ነገር
voice-what-happened = ምን ሆነ?
voice-what-hint = ምን እንደሆነ፣ መቼ እና የት እንደሆነ ይንገሩን። ስምዎን መጻፍ አያስፈልግዎትም።
voice-contact = እንዴት ልናገኝዎ እንችላለን? (ካሻዎት ብቻ)
voice-contact-hint = ስልክ ቁጥር፣ የመልእክት መተግበሪያ ወይም ኢሜይል፣ በግል መልስ ከፈለጉ ብቻ። ማንነትዎ እንዳይታወቅ ከፈለጉ ባዶ ይተዉት።
voice-submit = ሪፖርቱን ይላኩ
voice-error-category = ችግሩ ምን እንደሆነ ይምረጡ።
voice-error-text = ምን እንደሆነ ይንገሩን (ቢበዛ 5000 ፊደላት)።
voice-error-contact = የመገናኛ መረጃው በጣም ረጅም ነው (ቢበዛ 300 ፊደላት)።
voice-thanks = እናመሰግናለን። ሪፖርትዎ ደርሶናል።
voice-code = የጉዳይዎ ኮድ
voice-secret = የእርስዎ ሚስጥራዊ ኮድ
voice-keep = ሁለቱንም ይጻፉ ወይም የዚህን ስክሪን ፎቶ ያንሱ። መልሶቻችንን ለማንበብ ያስፈልጉዎታል። ከጠፉ ማንም እንደገና ሊያገኝልዎ አይችልም።
voice-danger = አሁን አደጋ ላይ ከሆኑ፣ የአካባቢውን የአደጋ ጊዜ አገልግሎት ወይም ከታች ካሉት አገልግሎቶች አንዱን ይደውሉ።
voice-referrals = ሊያገኙት የሚችሉት እርዳታ
voice-referrals-none = ለዚህ አገር እስካሁን የተመዘገበ አገልግሎት የለም።
voice-referral-example = ምሳሌ ብቻ: ይህ እውነተኛ አድራሻ አይደለም።
voice-referral-listed = በገዢው ኩባንያ የተዘረዘረ፤ Fairhire እነዚህን አገልግሎቶች አላጣራም።
voice-languages-spoken = ቋንቋዎች: { $languages }
kind-hotline = የእርዳታ ስልክ መስመር
kind-ngo = የድጋፍ ድርጅት
kind-iom = IOM (ዓለም አቀፍ የስደተኞች ድርጅት)
kind-labour_inspection = የሥራ ቁጥጥር
kind-legal_aid = የሕግ ድጋፍ
kind-other = ሌላ እርዳታ
voice-check-title = ጉዳይዎን ይመልከቱ
voice-check-intro = ሪፖርት ሲያደርጉ የተቀበሉትን የጉዳይ ኮድ እና ሚስጥራዊ ኮድ ያስገቡ።
voice-check-button = ጉዳዬን ልመልከት
voice-check-not-found = ከዚህ ኮድ እና ሚስጥራዊ ኮድ ጋር የሚዛመድ ጉዳይ የለም። ሁለቱንም አረጋግጠው እንደገና ይሞክሩ።
voice-have-code = አስቀድመው ሪፖርት አድርገዋል? ጉዳይዎን ይመልከቱ እና መልሶችን ያንብቡ
voice-status = ሁኔታ
voice-status-new = ደርሷል፣ እስካሁን መልስ አልተሰጠም
voice-status-acknowledged = ኩባንያው አይቶታል
voice-status-investigating = እየተጣራ ነው
voice-status-confirmed = ተረጋግጧል፣ እርምጃ እየተወሰደ ነው
voice-status-not_confirmed = ታይቷል፣ ግን ሊረጋገጥ አልቻለም
voice-status-closed = ተዘግቷል
voice-reported-on = ሪፖርት የተደረገበት ቀን: { $date }
voice-replies = መልሶች
voice-no-replies = እስካሁን መልስ የለም። እባክዎ ከጥቂት ቀናት በኋላ እንደገና ይመልከቱ።
voice-too-many = ከዚህ አውታረ መረብ በጣም ብዙ ሙከራዎች ተደርገዋል። እባክዎ ጥቂት ደቂቃዎች ጠብቀው እንደገና ይሞክሩ።
voice-not-found = ይህ የሪፖርት ማድረጊያ ሊንክ አይሠራም። አዲስ ፖስተር ወይም ሊንክ ይጠይቁ።
voice-language = ቋንቋ
poster-title = በሥራ ቦታ ችግር አለ?
poster-step1 = ኮዱን በስልክዎ ካሜራ ይቃኙ፣ ወይም ሊንኩን ይጻፉ።
poster-step2 = ችግሩን ይምረጡ እና ምን እንደሆነ በራስዎ ቋንቋ ይንገሩን።
poster-step3 = የጉዳይ ኮድ እና ሚስጥራዊ ኮድ ያገኛሉ: በኋላ መልሳችንን ለማንበብ ይጠቀሙባቸው።
poster-anonymous = ስምዎን መስጠት አያስፈልግዎትም። መለያ አያስፈልግም። ስልክዎን ወይም የኢንተርኔት አድራሻዎን አንመዘግብም።
voice-unavailable = በእኛ በኩል ችግር ተፈጥሯል። እባክዎ ቆየት ብለው እንደገና ይሞክሩ።

# Messages added with the SMS/WhatsApp conversation and with cases, referrals and the
# worker pulse (2026-12-05), translated from the English source:
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
conversation-pulse-word = ዳሰሳ
conversation-pulse-intro = ስለ ሥራዎ አምስት ጥያቄዎች። መልሶችዎ የሚቆጠሩት ከሌሎች መልሶች ጋር በአንድ ላይ ብቻ ነው፤ ከስልክ ቁጥርዎ ጋር ፈጽሞ አይያያዙም። በመልስዎ ቁጥር ይመልሱ።
conversation-pulse-already = በዚህ ወር እነዚህን ጥያቄዎች አስቀድመው መልሰዋል። እናመሰግናለን።

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
