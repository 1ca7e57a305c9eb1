# Worker voice: the public reporting page, the poster and the referral list.
# To add a language, copy this file to domain/locales/<code>/voice.ftl and translate
# every message (README, "Worker voice"). Keys missing from a file fall back to English.
# Written by the Fairhire team (English is the source and the fallback).
language-name = English
language-direction = ltr
# How this file was made: written by the Fairhire team as the source text; native review unknown.
translation-method = source
translation-reviewed = unknown
voice-title = Report a problem at work
voice-intro = Tell us if something is wrong at this workplace. It is free and you do not need to give your name.
voice-site = Workplace: { $site }
voice-privacy = We do not record your name, your phone, your internet address or any cookie. Only the people handling the case at the buying company can read what you write.
voice-category = What is the problem?
cat-recruitment_fees = I paid recruitment fees or I have a debt to an agent or employer
cat-documents_held = My passport or documents are kept from me
cat-wages_withheld = Wages are withheld, late or unfairly deducted
cat-threats_violence = Threats, violence or harassment
cat-restricted_movement = I am not free to leave the workplace or the housing
cat-excessive_hours = Too many working hours or forced overtime
cat-housing = Bad or unsafe housing
cat-under_age = Children or under-age workers
cat-other = Something else
voice-what-happened = What happened?
voice-what-hint = Say what happened, when and where. You do not have to write your name.
voice-contact = How can we reach you? (optional)
voice-contact-hint = A phone number, messaging app or email, only if you want an answer in person. Leave it empty to stay anonymous.
voice-submit = Send the report
voice-error-category = Choose what the problem is.
voice-error-text = Tell us what happened (at most 5000 characters).
voice-error-contact = The contact is too long (at most 300 characters).
voice-thanks = Thank you. Your report was received.
voice-code = Your case code
voice-secret = Your secret
voice-keep = Write both down or take a photo of this screen. You need them to read our replies. Nobody can find them again for you.
voice-danger = If you are in danger now, call local emergency services or one of the services below.
voice-referrals = Help you can contact
voice-referrals-none = No services are listed for this country yet.
voice-referral-example = Example only: this is not a real contact.
voice-referral-listed = Listed by the buying company; Fairhire has not checked these services.
voice-languages-spoken = Languages: { $languages }
kind-hotline = Hotline
kind-ngo = Support organisation
kind-iom = IOM (International Organization for Migration)
kind-labour_inspection = Labour inspection
kind-legal_aid = Legal aid
kind-other = Other help
voice-check-title = Check your case
voice-check-intro = Enter the case code and the secret you received when you reported.
voice-check-button = Check my case
voice-check-not-found = No case matches this code and secret. Check both and try again.
voice-have-code = Already reported? Check your case and read replies
voice-status = Status
voice-status-new = Received, not yet answered
voice-status-acknowledged = Seen by the company
voice-status-investigating = Being investigated
voice-status-confirmed = Confirmed, action is being taken
voice-status-not_confirmed = Looked into, could not be confirmed
voice-status-closed = Closed
voice-reported-on = Reported on { $date }
voice-replies = Replies
voice-no-replies = No reply yet. Please check again in a few days.
voice-too-many = Too many attempts from this network. Please wait a few minutes and try again.
voice-not-found = This reporting link does not work. Ask for a new poster or link.
voice-language = Language
poster-title = Something wrong at work?
poster-step1 = Scan the code with your phone camera, or type the link.
poster-step2 = Choose the problem and tell us what happened, in your language.
poster-step3 = You get a case code and a secret: use them to read our reply later.
poster-anonymous = You do not need to give your name. No account. We do not record your phone or internet address.
voice-unavailable = Something went wrong on our side. Please try again later.

# SMS and WhatsApp conversation
# A worker without a smartphone reports by text message. Each message is one SMS
# or WhatsApp message; keep them short. $word is the reply word in capitals
# (conversation-status-word, conversation-new-word); a worker may also type the
# English word.
conversation-welcome = Report a problem at work: it is free and you do not need to give your name.
conversation-choose-language = Reply with the number of your language:
conversation-choose-category = What is the problem? Reply with its number:
conversation-not-a-choice = Please reply with one of the numbers.
conversation-tell = Tell us what happened, when and where, in one message. You do not have to write your name.
conversation-too-long = Your message is too long. Please send at most { $max } characters.
conversation-empty = Please write what happened in words.
conversation-received = Thank you. Your report was received.
conversation-code = Case code: { $code }
conversation-secret = Secret: { $secret }
conversation-keep = Keep both: you need them to read our replies. Nobody can find them again for you.
conversation-how-to-read = Reply { $word } here to read our replies, or open { $link } and enter the code and the secret.
conversation-privacy = We keep your phone number only sealed, to send you our replies, and erase it when the case is closed. Only the buying company's case handlers read your words.
conversation-status-word = STATUS
conversation-new-word = NEW
conversation-status = Case { $code }: { $status }
conversation-new-report = To report another problem, reply { $word }.
conversation-reply = Reply about case { $code }: { $text }
# Cases, referrals and the worker pulse
cat-deception = I was deceived about the job, or my contract was changed to worse terms
cat-debt = I owe a debt I must work off and cannot leave until it is paid
voice-nationality = Your nationality (optional)
voice-nationality-hint = Only if you want us to show services of your own country, such as your embassy. Leave it empty to stay anonymous.
voice-error-nationality = Choose a country from the list or leave it empty.
voice-promise = The company promises a first answer within { $days } days.
voice-referrals-origin = Help from your own country
pulse-title = Five questions about your work
pulse-intro = Answer five short questions. It is free and anonymous: we do not record your name, your phone, your internet address or any cookie. Answers are only shown added together, never one by one.
pulse-q-paid_fee = Did you pay money to anyone to get this job?
pulse-q-fee_amount = If you paid, about how much was it?
pulse-q-passport_holder = Who holds your passport?
pulse-q-dormitory_free = Are you free to leave the dormitory or housing outside working hours?
pulse-q-contract_matches = Do your job, pay and hours match what you were promised before you started?
pulse-a-yes = Yes
pulse-a-no = No
pulse-a-nothing = I paid nothing
pulse-a-under_one_month = Less than one month of my wages
pulse-a-one_to_three_months = One to three months of my wages
pulse-a-over_three_months = More than three months of my wages
pulse-a-me = I hold it myself
pulse-a-employer = The employer
pulse-a-agent = The recruitment agent
pulse-a-someone_else = Someone else
pulse-a-no_passport = I have no passport
pulse-a-no_dormitory = I do not live in housing given by the employer
pulse-submit = Send my answers
pulse-error-answer = Choose one answer for each question.
pulse-thanks = Thank you. Your answers were received.
pulse-link = Answer five questions about your work
