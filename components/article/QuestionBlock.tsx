import type { PublicArticle } from "@/lib/articles/queries";

/** The closing "thought-provoking question": heading, question, its polls, the call to comment. */
export function QuestionBlock({
  question,
  polls,
}: {
  question: NonNullable<PublicArticle["question"]>;
  polls?: React.ReactNode;
}) {
  return (
    <section
      id="question"
      aria-labelledby="question-heading"
      className="mt-10 rounded-lg border-2 border-blue-200 bg-blue-50 p-5 dark:border-blue-900 dark:bg-blue-950/40"
    >
      <h2 id="question-heading" className="text-xl font-semibold">
        {question.heading}
      </h2>
      <p className="mt-3 text-lg">{question.text}</p>
      {polls ? <div className="mt-4">{polls}</div> : null}
      <p className="mt-4 font-medium">
        <a href="#comments">{question.callToAction}</a>
      </p>
    </section>
  );
}
