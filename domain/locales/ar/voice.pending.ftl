# Worker voice in this language: messages that other branches add to the English
# file, translated ahead of the merge. NOT compiled in (domain/build.rs reads only
# voice.ftl): append this file to voice.ftl once those branches are merged, then
# delete it (README, "Worker voice", and the wt-voice-lang report).
# Machine-drafted by an AI language model (Claude) on 2026-12-05 from the English
# source as it stood in those branches; NOT reviewed by a native speaker. Review
# before printing posters. Check each message against the merged English file.

# From branch wt-voice-sms: the SMS and WhatsApp conversation
conversation-welcome = أبلغ عن مشكلة في العمل: الخدمة مجانية ولا تحتاج إلى ذكر اسمك.
conversation-choose-language = أرسل رقم لغتك:
conversation-choose-category = ما هي المشكلة؟ أرسل رقمها:
conversation-not-a-choice = يرجى الرد بأحد الأرقام.
conversation-tell = أخبرنا بما حدث ومتى وأين في رسالة واحدة. لا تحتاج إلى كتابة اسمك.
conversation-too-long = رسالتك طويلة جدًا. الحد الأقصى لعدد الحروف: { $max }.
conversation-empty = يرجى كتابة ما حدث بالكلمات.
conversation-received = شكرًا لك. وصلنا بلاغك.
conversation-code = رمز الحالة: { $code }
conversation-secret = الرمز السري: { $secret }
conversation-keep = احتفظ بالرمزين: ستحتاج إليهما لقراءة ردودنا. لا يستطيع أحد أن يجدهما لك مرة أخرى.
conversation-how-to-read = أرسل { $word } هنا لقراءة ردودنا، أو افتح { $link } وأدخل الرمز والرمز السري.
conversation-privacy = نحتفظ برقم هاتفك مختومًا فقط، لنرسل إليك ردودنا، ونمحوه عند إغلاق الحالة. لا يقرأ كلامك إلا من يتابعون الحالة في الشركة المشترية.
conversation-status-word = الحالة
conversation-new-word = جديد
conversation-status = الحالة { $code }: { $status }
conversation-new-report = للإبلاغ عن مشكلة أخرى، أرسل { $word }.
conversation-reply = رد بشأن الحالة { $code }: { $text }

# From branch wt-voice-cases: case categories, the response-time promise, referrals
# from the worker's own country and the worker pulse survey
cat-deception = خُدعت بشأن العمل، أو تغيّر عقدي إلى شروط أسوأ
cat-debt = عليّ دَين يجب أن أسدده بالعمل ولا أستطيع المغادرة حتى أسدده
voice-nationality = جنسيتك (اختياري)
voice-nationality-hint = فقط إذا أردت أن نعرض لك خدمات من بلدك، مثل سفارتك. اتركه فارغًا لتبقى مجهول الهوية.
voice-error-nationality = اختر بلدًا من القائمة أو اتركه فارغًا.
voice-promise = تتعهد الشركة بالرد الأول خلال مهلة لا تتجاوز عدد الأيام التالي: { $days }.
voice-referrals-origin = مساعدة من بلدك
pulse-title = خمسة أسئلة عن عملك
pulse-intro = أجب عن خمسة أسئلة قصيرة. الخدمة مجانية ومجهولة الهوية: لا نسجل اسمك ولا رقم هاتفك ولا عنوان الإنترنت الخاص بك ولا أي ملف تعريف ارتباط. لا تُعرض الإجابات إلا مجمّعة، ولا تُعرض أبدًا إجابة واحدة بمفردها.
pulse-q-paid_fee = هل دفعت مالًا لأي شخص لتحصل على هذا العمل؟
pulse-q-fee_amount = إذا دفعت، فكم كان المبلغ تقريبًا؟
pulse-q-passport_holder = مع من جواز سفرك؟
pulse-q-dormitory_free = هل أنت حر في مغادرة السكن خارج ساعات العمل؟
pulse-q-contract_matches = هل عملك وأجرك وساعات عملك كما وُعدت بها قبل أن تبدأ؟
pulse-a-yes = نعم
pulse-a-no = لا
pulse-a-nothing = لم أدفع شيئًا
pulse-a-under_one_month = أقل من أجر شهر واحد
pulse-a-one_to_three_months = من أجر شهر إلى أجر ثلاثة أشهر
pulse-a-over_three_months = أكثر من أجر ثلاثة أشهر
pulse-a-me = معي أنا
pulse-a-employer = مع صاحب العمل
pulse-a-agent = مع وكيل التوظيف
pulse-a-someone_else = مع شخص آخر
pulse-a-no_passport = ليس لدي جواز سفر
pulse-a-no_dormitory = لا أسكن في سكن يوفره صاحب العمل
pulse-submit = أرسل إجاباتي
pulse-error-answer = اختر إجابة واحدة لكل سؤال.
pulse-thanks = شكرًا لك. وصلتنا إجاباتك.
pulse-link = أجب عن خمسة أسئلة عن عملك
