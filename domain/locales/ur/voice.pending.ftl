# Worker voice in this language: messages that other branches add to the English
# file, translated ahead of the merge. NOT compiled in (domain/build.rs reads only
# voice.ftl): append this file to voice.ftl once those branches are merged, then
# delete it (README, "Worker voice", and the wt-voice-lang report).
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
