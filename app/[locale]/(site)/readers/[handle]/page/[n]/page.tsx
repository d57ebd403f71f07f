// Older comments of a reader's profile: /readers/{handle}/page/{n} (n >= 2).
export { default, generateMetadata, generateStaticParams } from "../../page";

export const revalidate = 3600;
export const dynamicParams = true;
