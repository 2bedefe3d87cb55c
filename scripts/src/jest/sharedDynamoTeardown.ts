/** jest globalTeardown of the fulfillment and scripts projects: stops the run's shared DynamoDB Local. */
import { stopSharedDynamo } from '../sharedDynamo';

export default stopSharedDynamo;
