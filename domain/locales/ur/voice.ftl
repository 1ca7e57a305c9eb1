# Worker voice in Urdu (ur): the public reporting page, the poster and the referral list.
# Machine-drafted by an AI language model (Claude) on 2026-12-05 from the English source;
# NOT reviewed by a native speaker. Review before printing posters.
# Written right to left (language-direction = rtl); plain words in the polite (آپ)
# register that migrant-worker organisations use; placeholders such as { $site } are
# kept exactly as in English.
language-name = اردو
language-direction = rtl
translation-method = machine
translation-reviewed = no
voice-title = کام کی جگہ پر مسئلے کی اطلاع دیں
voice-intro = اگر اس کام کی جگہ پر کچھ غلط ہو رہا ہے تو ہمیں بتائیں۔ یہ مفت ہے اور آپ کو اپنا نام بتانے کی ضرورت نہیں۔
voice-site = کام کی جگہ: { $site }
voice-privacy = ہم آپ کا نام، فون، انٹرنیٹ پتہ یا کوئی کوکی محفوظ نہیں کرتے۔ آپ جو لکھتے ہیں اسے صرف خریدار کمپنی میں اس معاملے کو دیکھنے والے لوگ ہی پڑھ سکتے ہیں۔
voice-category = مسئلہ کیا ہے؟
cat-recruitment_fees = میں نے بھرتی کی فیس دی ہے یا مجھ پر ایجنٹ یا مالک کا قرض ہے
cat-documents_held = میرا پاسپورٹ یا کاغذات مجھ سے رکھ لیے گئے ہیں
cat-wages_withheld = تنخواہ روکی جاتی ہے، دیر سے ملتی ہے یا ناجائز طور پر کاٹی جاتی ہے
cat-threats_violence = دھمکیاں، تشدد یا ہراسانی
cat-restricted_movement = میں کام کی جگہ یا رہائش سے اپنی مرضی سے باہر نہیں جا سکتا/سکتی
cat-excessive_hours = بہت زیادہ گھنٹے کام یا زبردستی اوور ٹائم
cat-housing = خراب یا غیر محفوظ رہائش
cat-under_age = بچے یا کم عمر مزدور
cat-other = کچھ اور
voice-what-happened = کیا ہوا؟
voice-what-hint = بتائیں کہ کیا ہوا، کب اور کہاں۔ آپ کو اپنا نام لکھنے کی ضرورت نہیں۔
voice-contact = ہم آپ سے کیسے رابطہ کریں؟ (اگر آپ چاہیں)
voice-contact-hint = فون نمبر، میسجنگ ایپ یا ای میل، صرف اگر آپ خود جواب چاہتے ہیں۔ گمنام رہنے کے لیے اسے خالی چھوڑ دیں۔
voice-submit = شکایت بھیجیں
voice-error-category = منتخب کریں کہ مسئلہ کیا ہے۔
voice-error-text = ہمیں بتائیں کہ کیا ہوا (زیادہ سے زیادہ 5000 حروف)۔
voice-error-contact = رابطہ بہت لمبا ہے (زیادہ سے زیادہ 300 حروف)۔
voice-thanks = شکریہ۔ آپ کی شکایت موصول ہو گئی ہے۔
voice-code = آپ کا کیس کوڈ
voice-secret = آپ کا خفیہ کوڈ
voice-keep = دونوں لکھ لیں یا اس اسکرین کی تصویر لے لیں۔ ہمارے جواب پڑھنے کے لیے ان کی ضرورت ہوگی۔ گم ہونے پر کوئی انہیں دوبارہ تلاش نہیں کر سکتا۔
voice-danger = اگر آپ ابھی خطرے میں ہیں تو مقامی ہنگامی سروس یا نیچے دی گئی کسی سروس کو فون کریں۔
voice-referrals = مدد جس سے آپ رابطہ کر سکتے ہیں
voice-referrals-none = اس ملک کے لیے ابھی کوئی سروس فہرست میں نہیں ہے۔
voice-referral-example = صرف مثال: یہ اصلی رابطہ نہیں ہے۔
voice-referral-listed = یہ فہرست خریدار کمپنی نے دی ہے؛ Fairhire نے ان سروسز کی جانچ نہیں کی۔
voice-languages-spoken = زبانیں: { $languages }
kind-hotline = ہیلپ لائن
kind-ngo = مدد کرنے والی تنظیم
kind-iom = IOM (بین الاقوامی تنظیم برائے نقل مکانی)
kind-labour_inspection = محنت کا معائنہ
kind-legal_aid = قانونی مدد
kind-other = دوسری مدد
voice-check-title = اپنا کیس دیکھیں
voice-check-intro = شکایت کرتے وقت ملنے والا کیس کوڈ اور خفیہ کوڈ درج کریں۔
voice-check-button = میرا کیس دیکھیں
voice-check-not-found = اس کوڈ اور خفیہ کوڈ سے کوئی کیس نہیں ملا۔ دونوں چیک کریں اور دوبارہ کوشش کریں۔
voice-have-code = پہلے ہی شکایت کر چکے ہیں؟ اپنا کیس دیکھیں اور جواب پڑھیں
voice-status = صورتحال
voice-status-new = موصول ہو گئی، ابھی جواب نہیں دیا گیا
voice-status-acknowledged = کمپنی نے دیکھ لیا ہے
voice-status-investigating = تحقیقات جاری ہیں
voice-status-confirmed = درست پایا گیا، کارروائی ہو رہی ہے
voice-status-not_confirmed = جانچ کی گئی، تصدیق نہیں ہو سکی
voice-status-closed = بند
voice-reported-on = شکایت کی تاریخ: { $date }
voice-replies = جوابات
voice-no-replies = ابھی کوئی جواب نہیں آیا۔ چند دن بعد دوبارہ دیکھیں۔
voice-too-many = اس نیٹ ورک سے بہت زیادہ کوششیں ہوئی ہیں۔ چند منٹ انتظار کریں اور دوبارہ کوشش کریں۔
voice-not-found = یہ شکایت کا لنک کام نہیں کر رہا۔ نیا پوسٹر یا لنک مانگیں۔
voice-language = زبان
poster-title = کام پر کچھ غلط ہو رہا ہے؟
poster-step1 = اپنے فون کے کیمرے سے کوڈ اسکین کریں، یا لنک ٹائپ کریں۔
poster-step2 = مسئلہ منتخب کریں اور اپنی زبان میں بتائیں کہ کیا ہوا۔
poster-step3 = آپ کو ایک کیس کوڈ اور ایک خفیہ کوڈ ملے گا: بعد میں ہمارا جواب پڑھنے کے لیے انہیں استعمال کریں۔
poster-anonymous = آپ کو اپنا نام بتانے کی ضرورت نہیں۔ کوئی اکاؤنٹ نہیں۔ ہم آپ کا فون یا انٹرنیٹ پتہ محفوظ نہیں کرتے۔
voice-unavailable = ہماری طرف سے کچھ خرابی ہو گئی۔ براہ کرم بعد میں دوبارہ کوشش کریں۔

# Messages added with the SMS/WhatsApp conversation and with cases, referrals and the
# worker pulse (2026-12-05), translated from the English source:
# Machine-drafted by an AI language model (Claude) on 2026-12-05 from the English
# source as it stood in those branches; NOT reviewed by a native speaker. Review
# before printing posters. Check each message against the merged English file.

# From branch wt-voice-sms: the SMS and WhatsApp conversation
conversation-welcome = کام کی جگہ پر مسئلے کی اطلاع دیں: یہ مفت ہے اور آپ کو اپنا نام بتانے کی ضرورت نہیں۔
conversation-choose-language = اپنی زبان کا نمبر لکھ کر جواب دیں:
conversation-choose-category = مسئلہ کیا ہے؟ اس کا نمبر لکھ کر جواب دیں:
conversation-not-a-choice = براہ کرم ان میں سے کوئی ایک نمبر لکھ کر جواب دیں۔
conversation-tell = ایک ہی پیغام میں بتائیں کہ کیا ہوا، کب اور کہاں۔ آپ کو اپنا نام لکھنے کی ضرورت نہیں۔
conversation-too-long = آپ کا پیغام بہت لمبا ہے۔ زیادہ سے زیادہ { $max } حروف بھیجیں۔
conversation-empty = براہ کرم لفظوں میں لکھیں کہ کیا ہوا۔
conversation-received = شکریہ۔ آپ کی شکایت موصول ہو گئی ہے۔
conversation-code = کیس کوڈ: { $code }
conversation-secret = خفیہ کوڈ: { $secret }
conversation-keep = دونوں سنبھال کر رکھیں: ہمارے جواب پڑھنے کے لیے ان کی ضرورت ہوگی۔ گم ہونے پر کوئی انہیں دوبارہ تلاش نہیں کر سکتا۔
conversation-how-to-read = ہمارے جواب پڑھنے کے لیے یہاں { $word } لکھ کر بھیجیں، یا { $link } کھولیں اور کوڈ اور خفیہ کوڈ درج کریں۔
conversation-privacy = آپ کو جواب بھیجنے کے لیے ہم آپ کا فون نمبر صرف سیل شدہ حالت میں رکھتے ہیں، اور کیس بند ہونے پر اسے مٹا دیتے ہیں۔ آپ کے الفاظ صرف خریدار کمپنی میں کیس دیکھنے والے لوگ پڑھتے ہیں۔
conversation-status-word = صورتحال
conversation-new-word = نیا
conversation-status = کیس { $code }: { $status }
conversation-new-report = کسی اور مسئلے کی اطلاع دینے کے لیے { $word } لکھ کر جواب دیں۔
conversation-reply = کیس { $code } کے بارے میں جواب: { $text }
conversation-pulse-word = سروے
conversation-pulse-intro = آپ کے کام کے بارے میں پانچ سوال۔ آپ کے جوابات صرف دوسروں کے جوابات کے ساتھ مل کر گنے جاتے ہیں، کبھی آپ کے فون نمبر کے ساتھ نہیں۔ اپنے جواب کا نمبر لکھ کر بھیجیں۔
conversation-pulse-already = آپ اس مہینے ان سوالوں کے جواب دے چکے ہیں۔ شکریہ۔

# From branch wt-voice-cases: case categories, the response-time promise, referrals
# from the worker's own country and the worker pulse survey
cat-deception = کام کے بارے میں مجھے دھوکا دیا گیا، یا میرا معاہدہ بدتر شرائط میں بدل دیا گیا
cat-debt = مجھ پر ایسا قرض ہے جو کام کر کے اتارنا ہے اور اس کے ادا ہونے تک میں نہیں جا سکتا/سکتی
voice-nationality = آپ کی قومیت (اگر آپ چاہیں)
voice-nationality-hint = صرف اگر آپ چاہتے ہیں کہ ہم آپ کے اپنے ملک کی سروسز دکھائیں، جیسے آپ کا سفارت خانہ۔ گمنام رہنے کے لیے اسے خالی چھوڑ دیں۔
voice-error-nationality = فہرست سے کوئی ملک منتخب کریں یا اسے خالی چھوڑ دیں۔
voice-promise = کمپنی { $days } دن کے اندر پہلا جواب دینے کا وعدہ کرتی ہے۔
voice-referrals-origin = آپ کے اپنے ملک سے مدد
pulse-title = آپ کے کام کے بارے میں پانچ سوال
pulse-intro = پانچ مختصر سوالوں کے جواب دیں۔ یہ مفت اور گمنام ہے: ہم آپ کا نام، فون، انٹرنیٹ پتہ یا کوئی کوکی محفوظ نہیں کرتے۔ جوابات صرف سب ملا کر دکھائے جاتے ہیں، کبھی ایک ایک کر کے نہیں۔
pulse-q-paid_fee = کیا یہ نوکری حاصل کرنے کے لیے آپ نے کسی کو پیسے دیے؟
pulse-q-fee_amount = اگر دیے تو تقریباً کتنے؟
pulse-q-passport_holder = آپ کا پاسپورٹ کس کے پاس ہے؟
pulse-q-dormitory_free = کیا کام کے اوقات کے بعد آپ رہائش سے اپنی مرضی سے باہر جا سکتے ہیں؟
pulse-q-contract_matches = کیا آپ کا کام، تنخواہ اور اوقات ویسے ہی ہیں جیسا کام شروع کرنے سے پہلے وعدہ کیا گیا تھا؟
pulse-a-yes = ہاں
pulse-a-no = نہیں
pulse-a-nothing = میں نے کچھ نہیں دیا
pulse-a-under_one_month = میری ایک مہینے کی تنخواہ سے کم
pulse-a-one_to_three_months = میری ایک سے تین مہینے کی تنخواہ
pulse-a-over_three_months = میری تین مہینے کی تنخواہ سے زیادہ
pulse-a-me = میرے اپنے پاس
pulse-a-employer = مالک کے پاس
pulse-a-agent = بھرتی کرنے والے ایجنٹ کے پاس
pulse-a-someone_else = کسی اور کے پاس
pulse-a-no_passport = میرے پاس پاسپورٹ نہیں ہے
pulse-a-no_dormitory = میں مالک کی دی ہوئی رہائش میں نہیں رہتا/رہتی
pulse-submit = میرے جوابات بھیجیں
pulse-error-answer = ہر سوال کا ایک جواب منتخب کریں۔
pulse-thanks = شکریہ۔ آپ کے جوابات موصول ہو گئے ہیں۔
pulse-link = اپنے کام کے بارے میں پانچ سوالوں کے جواب دیں
