# Worker voice in Arabic (ar): the public reporting page, the poster and the referral list.
# Machine-drafted by an AI language model (Claude) on 2026-12-05 from the English source;
# NOT reviewed by a native speaker. Review before printing posters.
# Written right to left (language-direction = rtl) in simple Modern Standard Arabic,
# the register migrant-worker organisations use in writing; placeholders such as
# { $site } are kept exactly as in English, numbers in Western digits.
language-name = العربية
language-direction = rtl
translation-method = machine
translation-reviewed = no
voice-title = أبلغ عن مشكلة في العمل
voice-intro = أخبرنا إذا كان هناك شيء خاطئ في مكان العمل هذا. الخدمة مجانية ولا تحتاج إلى ذكر اسمك.
voice-site = مكان العمل: { $site }
voice-privacy = لا نسجل اسمك ولا رقم هاتفك ولا عنوان الإنترنت الخاص بك ولا أي ملف تعريف ارتباط. لا يقرأ ما تكتبه إلا الأشخاص الذين يتابعون الحالة في الشركة المشترية.
voice-category = ما هي المشكلة؟
cat-recruitment_fees = دفعت رسوم توظيف أو عليّ دَين لوكيل أو لصاحب العمل
cat-documents_held = جواز سفري أو وثائقي محجوزة عني
cat-wages_withheld = الأجر محجوز أو متأخر أو تُقتطع منه مبالغ بغير حق
cat-threats_violence = تهديد أو عنف أو تحرش
cat-restricted_movement = لست حرًا في مغادرة مكان العمل أو السكن
cat-excessive_hours = ساعات عمل كثيرة جدًا أو عمل إضافي بالإجبار
cat-housing = سكن سيئ أو غير آمن
cat-under_age = أطفال أو عمال دون السن القانونية
cat-other = شيء آخر
voice-what-happened = ماذا حدث؟
voice-what-hint = اذكر ما حدث ومتى وأين. لا تحتاج إلى كتابة اسمك.
voice-contact = كيف يمكننا التواصل معك؟ (اختياري)
voice-contact-hint = رقم هاتف أو تطبيق مراسلة أو بريد إلكتروني، فقط إذا أردت ردًا شخصيًا. اتركه فارغًا لتبقى مجهول الهوية.
voice-submit = أرسل البلاغ
voice-error-category = اختر ما هي المشكلة.
voice-error-text = أخبرنا بما حدث (5000 حرف على الأكثر).
voice-error-contact = بيانات التواصل طويلة جدًا (300 حرف على الأكثر).
voice-thanks = شكرًا لك. وصلنا بلاغك.
voice-code = رمز حالتك
voice-secret = رمزك السري
voice-keep = اكتب الرمزين أو التقط صورة لهذه الشاشة. ستحتاج إليهما لقراءة ردودنا. لا يستطيع أحد أن يجدهما لك مرة أخرى.
voice-danger = إذا كنت في خطر الآن، فاتصل بخدمات الطوارئ المحلية أو بإحدى الخدمات أدناه.
voice-referrals = جهات مساعدة يمكنك الاتصال بها
voice-referrals-none = لا توجد خدمات مدرجة لهذا البلد حتى الآن.
voice-referral-example = مثال فقط: هذه ليست جهة اتصال حقيقية.
voice-referral-listed = أدرجتها الشركة المشترية؛ لم تتحقق Fairhire من هذه الخدمات.
voice-languages-spoken = اللغات: { $languages }
kind-hotline = خط مساعدة
kind-ngo = منظمة دعم
kind-iom = IOM (المنظمة الدولية للهجرة)
kind-labour_inspection = تفتيش العمل
kind-legal_aid = مساعدة قانونية
kind-other = مساعدة أخرى
voice-check-title = تابع حالتك
voice-check-intro = أدخل رمز الحالة والرمز السري اللذين حصلت عليهما عند الإبلاغ.
voice-check-button = تابع حالتي
voice-check-not-found = لا توجد حالة بهذا الرمز وهذا الرمز السري. تحقق منهما وحاول مرة أخرى.
voice-have-code = هل أبلغت من قبل؟ تابع حالتك واقرأ الردود
voice-status = الحالة
voice-status-new = تم الاستلام، لم يتم الرد بعد
voice-status-acknowledged = اطّلعت عليه الشركة
voice-status-investigating = قيد التحقيق
voice-status-confirmed = تم التأكد، ويجري اتخاذ إجراء
voice-status-not_confirmed = تم النظر فيه، ولم يمكن التأكد منه
voice-status-closed = مغلقة
voice-reported-on = تاريخ البلاغ: { $date }
voice-replies = الردود
voice-no-replies = لا يوجد رد بعد. يرجى التحقق مرة أخرى بعد بضعة أيام.
voice-too-many = محاولات كثيرة جدًا من هذه الشبكة. يرجى الانتظار بضع دقائق ثم المحاولة مرة أخرى.
voice-not-found = رابط الإبلاغ هذا لا يعمل. اطلب ملصقًا أو رابطًا جديدًا.
voice-language = اللغة
poster-title = هل هناك مشكلة في العمل؟
poster-step1 = امسح الرمز بكاميرا هاتفك، أو اكتب الرابط.
poster-step2 = اختر المشكلة وأخبرنا بما حدث بلغتك.
poster-step3 = ستحصل على رمز حالة ورمز سري: استخدمهما لقراءة ردنا لاحقًا.
poster-anonymous = لا تحتاج إلى ذكر اسمك. لا حاجة إلى حساب. لا نسجل رقم هاتفك ولا عنوان الإنترنت الخاص بك.
voice-unavailable = حدث خطأ من جهتنا. يرجى المحاولة مرة أخرى لاحقًا.

# Messages added with the SMS/WhatsApp conversation and with cases, referrals and the
# worker pulse (2026-12-05), translated from the English source:
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
conversation-pulse-word = استبيان
conversation-pulse-intro = خمسة أسئلة عن عملك. تُحسب إجاباتك مع إجابات الآخرين فقط، ولا تُربط أبدًا برقم هاتفك. أرسل رقم إجابتك.
conversation-pulse-already = لقد أجبت عن هذه الأسئلة هذا الشهر. شكرًا لك.

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
