# Worker voice in this language: messages that other branches add to the English
# file, translated ahead of the merge. NOT compiled in (domain/build.rs reads only
# voice.ftl): append this file to voice.ftl once those branches are merged, then
# delete it (README, "Worker voice", and the wt-voice-lang report).
# Machine-drafted by an AI language model (Claude) on 2026-12-05 from the English
# source as it stood in those branches; NOT reviewed by a native speaker. Review
# before printing posters. Check each message against the merged English file.

# From branch wt-voice-sms: the SMS and WhatsApp conversation
conversation-welcome = Báo cáo vấn đề tại nơi làm việc: hoàn toàn miễn phí và bạn không cần cho biết tên.
conversation-choose-language = Trả lời bằng số của ngôn ngữ của bạn:
conversation-choose-category = Vấn đề là gì? Trả lời bằng số của vấn đề:
conversation-not-a-choice = Vui lòng trả lời bằng một trong các số.
conversation-tell = Hãy kể chuyện gì đã xảy ra, khi nào và ở đâu, trong một tin nhắn. Bạn không cần viết tên.
conversation-too-long = Tin nhắn của bạn quá dài. Vui lòng gửi tối đa { $max } ký tự.
conversation-empty = Vui lòng viết bằng lời chuyện gì đã xảy ra.
conversation-received = Cảm ơn bạn. Chúng tôi đã nhận được báo cáo của bạn.
conversation-code = Mã vụ việc: { $code }
conversation-secret = Mã bí mật: { $secret }
conversation-keep = Hãy giữ cả hai mã: bạn cần chúng để đọc câu trả lời của chúng tôi. Không ai có thể tìm lại chúng cho bạn.
conversation-how-to-read = Trả lời { $word } tại đây để đọc câu trả lời của chúng tôi, hoặc mở { $link } rồi nhập mã và mã bí mật.
conversation-privacy = Chúng tôi chỉ giữ số điện thoại của bạn ở dạng niêm phong để gửi câu trả lời, và xóa số đó khi vụ việc đóng lại. Chỉ những người xử lý vụ việc tại công ty mua hàng mới đọc lời của bạn.
conversation-status-word = XEM
conversation-new-word = MOI
conversation-status = Vụ việc { $code }: { $status }
conversation-new-report = Để báo cáo vấn đề khác, hãy trả lời { $word }.
conversation-reply = Trả lời về vụ việc { $code }: { $text }

# From branch wt-voice-cases: case categories, the response-time promise, referrals
# from the worker's own country and the worker pulse survey
cat-deception = Tôi bị lừa về công việc, hoặc hợp đồng của tôi bị đổi sang điều kiện tệ hơn
cat-debt = Tôi mắc một khoản nợ phải làm việc để trả và không được nghỉ cho đến khi trả hết
voice-nationality = Quốc tịch của bạn (không bắt buộc)
voice-nationality-hint = Chỉ khi bạn muốn chúng tôi hiển thị dịch vụ của chính nước bạn, ví dụ đại sứ quán. Để trống nếu muốn giấu tên.
voice-error-nationality = Hãy chọn một quốc gia trong danh sách hoặc để trống.
voice-promise = Công ty cam kết trả lời lần đầu trong vòng { $days } ngày.
voice-referrals-origin = Trợ giúp từ chính nước bạn
pulse-title = Năm câu hỏi về công việc của bạn
pulse-intro = Hãy trả lời năm câu hỏi ngắn. Miễn phí và giấu tên: chúng tôi không lưu tên, số điện thoại, địa chỉ internet hay bất kỳ cookie nào của bạn. Câu trả lời chỉ được hiển thị khi đã cộng gộp, không bao giờ hiển thị từng người một.
pulse-q-paid_fee = Bạn có phải trả tiền cho ai để có công việc này không?
pulse-q-fee_amount = Nếu có, khoảng bao nhiêu?
pulse-q-passport_holder = Ai đang giữ hộ chiếu của bạn?
pulse-q-dormitory_free = Ngoài giờ làm, bạn có được tự do rời khỏi ký túc xá hoặc chỗ ở không?
pulse-q-contract_matches = Công việc, tiền lương và giờ làm của bạn có đúng như đã hứa trước khi bạn bắt đầu không?
pulse-a-yes = Có
pulse-a-no = Không
pulse-a-nothing = Tôi không trả gì
pulse-a-under_one_month = Dưới một tháng lương của tôi
pulse-a-one_to_three_months = Từ một đến ba tháng lương của tôi
pulse-a-over_three_months = Hơn ba tháng lương của tôi
pulse-a-me = Tôi tự giữ
pulse-a-employer = Chủ sử dụng lao động
pulse-a-agent = Người môi giới tuyển dụng
pulse-a-someone_else = Người khác
pulse-a-no_passport = Tôi không có hộ chiếu
pulse-a-no_dormitory = Tôi không ở chỗ ở do chủ sử dụng lao động cấp
pulse-submit = Gửi câu trả lời của tôi
pulse-error-answer = Hãy chọn một câu trả lời cho mỗi câu hỏi.
pulse-thanks = Cảm ơn bạn. Chúng tôi đã nhận được câu trả lời của bạn.
pulse-link = Trả lời năm câu hỏi về công việc của bạn
