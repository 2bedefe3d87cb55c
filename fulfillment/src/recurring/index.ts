/** `@budgetbuddy/fulfillment/recurring`: the job that posts due recurring payments (npm start runs it on a timer). */
export { postDueOccurrences, type PostDueOptions, type PostDueReport } from './postDueOccurrences';
